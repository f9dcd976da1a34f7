package fi.voimala.scheduling.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Time a professional is taken: by a visit (one row for each of the pair) or by an absence. The table's exclusion
 * constraint {@code booking_no_overlap} refuses two overlapping rows of one professional, whoever writes them.
 */
@Entity
@Table(name = "professional_booking")
public class ProfessionalBooking {

    @Id
    public UUID id;
    @Column(name = "professional_id")
    public UUID professionalId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(name = "absence_id")
    public UUID absenceId;

    public static ProfessionalBooking forVisit(UUID professionalId, Visit visit) {
        ProfessionalBooking booking = of(professionalId, visit.startsAt, visit.endsAt);
        booking.visitId = visit.id;
        return booking;
    }

    public static ProfessionalBooking forAbsence(UUID professionalId, UUID absenceId, Instant startsAt, Instant endsAt) {
        ProfessionalBooking booking = of(professionalId, startsAt, endsAt);
        booking.absenceId = absenceId;
        return booking;
    }

    private static ProfessionalBooking of(UUID professionalId, Instant startsAt, Instant endsAt) {
        ProfessionalBooking booking = new ProfessionalBooking();
        booking.id = UUID.randomUUID();
        booking.professionalId = professionalId;
        booking.startsAt = startsAt;
        booking.endsAt = endsAt;
        return booking;
    }
}
