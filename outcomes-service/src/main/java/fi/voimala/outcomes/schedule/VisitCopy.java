package fi.voimala.outcomes.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** This service's copy of a visit (from visit-events): the series' first and last sessions anchor the windows of its measurement plan, and a mood check names its visit. */
@Entity
@Table(name = "visit_copy")
public class VisitCopy {

    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;
    public long version;
    @Column(name = "series_id")
    public UUID seriesId;
    public int ordinal;
    @Column(name = "pair_id")
    public UUID pairId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "arts_professional_id")
    public UUID artsProfessionalId;
    @Column(name = "care_professional_id")
    public UUID careProfessionalId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    /** SCHEDULED, CANCELLED, HELD or MISSED. */
    public String status;

    public boolean isCancelled() {
        return CANCELLED.equals(status);
    }

    /** One of the two professionals of the visit's pair. */
    public boolean isRunBy(UUID professionalId) {
        return professionalId != null
                && (professionalId.equals(artsProfessionalId) || professionalId.equals(careProfessionalId));
    }
}
