package fi.voimala.partners.pair;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A työpari: an arts professional with a social/health-care or education professional. Formed, later dissolved. */
@Entity
@Table(name = "pair")
public class Pair {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "arts_professional_id")
    public UUID artsProfessionalId;
    @Column(name = "care_professional_id")
    public UUID careProfessionalId;
    @Column(name = "formed_on")
    public LocalDate formedOn;
    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;
    @Column(name = "dissolve_reason")
    public String dissolveReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isActive() {
        return dissolvedOn == null;
    }
}
