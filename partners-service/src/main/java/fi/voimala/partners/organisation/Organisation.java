package fi.voimala.partners.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A partner of the network. An organisation that leaves keeps its data, marked by {@code memberUntil}:
 * its people and sites stay in the history of the series they took part in.
 */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    public UUID id;
    @Version
    public long version;
    public String name;
    @Column(name = "business_id")
    public String businessId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] sectors;
    @Column(name = "member_since")
    public LocalDate memberSince;
    @Column(name = "member_until")
    public LocalDate memberUntil;
    @Column(name = "leave_reason")
    public String leaveReason;
    @Column(name = "keycloak_alias")
    public String keycloakAlias;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean hasLeft() {
        return memberUntil != null;
    }
}
