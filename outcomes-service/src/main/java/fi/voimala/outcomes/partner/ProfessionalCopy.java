package fi.voimala.outcomes.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * This service's copy of a professional (from partner-events): the pair's members, the care staff whose work engagement
 * is measured, their organisation and their login.
 */
@Entity
@Table(name = "professional_copy")
public class ProfessionalCopy {

    @Id
    public UUID id;
    public long version;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    /** ARTS_AND_CULTURE, SOCIAL_AND_HEALTH or EDUCATION. */
    public String field;
    /** The Keycloak user id (the token's sub) of the professional's login, if any. */
    @Column(name = "keycloak_user_id")
    public String keycloakUserId;

    public String displayName() {
        return firstName + " " + lastName;
    }
}
