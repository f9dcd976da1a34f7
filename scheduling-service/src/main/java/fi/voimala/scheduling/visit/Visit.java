package fi.voimala.scheduling.visit;

import fi.voimala.scheduling.calendar.TimeSlot;
import fi.voimala.scheduling.partner.PairCopy;
import fi.voimala.scheduling.series.Series;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One planned session of a series: when, where, which pair. The pair's two professionals and the site are copied
 * from the series when the visit is made, so that the double-booking constraint and the lists need no joins.
 */
@Entity
@Table(name = "visit")
public class Visit {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "series_id")
    public UUID seriesId;
    /** Its place in the series' time order at planning (1 = the first session). */
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
    public String status;
    /** iCalendar SEQUENCE: raised on each move or cancellation, so calendar apps update the event in place. */
    public int sequence;
    @Column(name = "status_reason")
    public String statusReason;
    /** The time before the last move; null for a visit never moved. */
    @Column(name = "previous_starts_at")
    public Instant previousStartsAt;
    @Column(name = "previous_ends_at")
    public Instant previousEndsAt;
    @Column(name = "session_record_id")
    public UUID sessionRecordId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A new scheduled visit of the series' pair at its site. */
    public static Visit create(Series series, PairCopy pair, int ordinal, TimeSlot slot) {
        Visit visit = new Visit();
        visit.id = UUID.randomUUID();
        visit.seriesId = series.id;
        visit.ordinal = ordinal;
        visit.pairId = pair.id;
        visit.siteId = series.siteId;
        visit.artsProfessionalId = pair.artsProfessionalId;
        visit.careProfessionalId = pair.careProfessionalId;
        visit.startsAt = slot.start();
        visit.endsAt = slot.end();
        visit.status = VisitStatus.SCHEDULED.name();
        visit.createdAt = Instant.now();
        visit.updatedAt = visit.createdAt;
        return visit;
    }

    public boolean isScheduled() {
        return VisitStatus.SCHEDULED.name().equals(status);
    }

    public boolean involves(UUID professionalId) {
        return artsProfessionalId.equals(professionalId) || careProfessionalId.equals(professionalId);
    }
}
