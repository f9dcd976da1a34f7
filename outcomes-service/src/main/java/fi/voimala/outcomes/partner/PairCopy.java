package fi.voimala.outcomes.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** This service's copy of a pair (työpari) from partner-events: who runs a series, hence who enters its measurements. */
@Entity
@Table(name = "pair_copy")
public class PairCopy {

    @Id
    public UUID id;
    public long version;
    @Column(name = "arts_professional_id")
    public UUID artsProfessionalId;
    @Column(name = "care_professional_id")
    public UUID careProfessionalId;
    /** ACTIVE or DISSOLVED. */
    public String status;

    public boolean includes(UUID professionalId) {
        return professionalId != null
                && (professionalId.equals(artsProfessionalId) || professionalId.equals(careProfessionalId));
    }
}
