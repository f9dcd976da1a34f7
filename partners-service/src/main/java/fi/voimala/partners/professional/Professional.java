package fi.voimala.partners.professional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person working in the network, at home in one partner organisation. */
@Entity
@Table(name = "professional")
public class Professional {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String email;
    public String phone;
    public String field;
    public String profession;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] methods;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] languages;
    /** The Keycloak user id (the token's {@code sub}): links a login to this profile. */
    @Column(name = "keycloak_user_id")
    public String keycloakUserId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public Field field() {
        return Field.valueOf(field);
    }
}
