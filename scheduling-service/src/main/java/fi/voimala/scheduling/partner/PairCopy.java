package fi.voimala.scheduling.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** This service's copy of a pair (työpari) from partner-events: the two professionals who run a series. */
@Entity
@Table(name = "pair_copy")
public class PairCopy {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public UUID id;
    public long version;
    @Column(name = "arts_professional_id")
    public UUID artsProfessionalId;
    @Column(name = "care_professional_id")
    public UUID careProfessionalId;
    /** ACTIVE or DISSOLVED. */
    public String status;
    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;
    @Column(name = "dissolve_reason")
    public String dissolveReason;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public boolean includes(UUID professionalId) {
        return artsProfessionalId.equals(professionalId) || careProfessionalId.equals(professionalId);
    }
}
