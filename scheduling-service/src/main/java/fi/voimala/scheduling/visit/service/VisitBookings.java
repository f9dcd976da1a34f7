package fi.voimala.scheduling.visit.service;

import fi.voimala.platform.problem.ConflictException;
import fi.voimala.scheduling.availability.repository.WardCalendarRepository;
import fi.voimala.scheduling.calendar.HelsinkiTime;
import fi.voimala.scheduling.calendar.TimeSlot;
import fi.voimala.scheduling.partner.SiteCopy;
import fi.voimala.scheduling.visit.ProfessionalBooking;
import fi.voimala.scheduling.visit.Visit;
import fi.voimala.scheduling.visit.repository.BookingRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The professionals' time: reads what planning must respect, writes a visit's bookings, and explains a double booking.
 * The table's exclusion constraint refuses an overlap even between two concurrent requests; the loser's 409 names
 * the visit (or absence) it clashed with.
 */
@ApplicationScoped
public class VisitBookings {

    /** PostgreSQL's SQLState for an exclusion constraint violation. */
    static final String EXCLUSION_VIOLATION = "23P01";

    @Inject
    BookingRepository bookings;
    @Inject
    WardCalendarRepository wardCalendar;
    @Inject
    Mutiny.SessionFactory sessions;

    /** What planning the pair's visits at this site between {@code from} and {@code to} must respect. */
    public Uni<PlanningContext> context(UUID artsProfessionalId, UUID careProfessionalId, SiteCopy site, Instant from,
                                        Instant to, Set<UUID> ignoredVisits) {
        return bookings.overlapping(List.of(artsProfessionalId, careProfessionalId), from, to)
                .chain(taken -> (site.isWard() ? wardCalendar.openWindows(site.id, from, to) : Uni.createFrom().item(List.<TimeSlot>of()))
                        .map(windows -> new PlanningContext(taken, site.isWard(), windows, ignoredVisits)));
    }

    /** The time of both professionals for this visit; an overlap fails the flush with the exclusion constraint. */
    public Uni<Void> book(Visit visit) {
        return bookings.persist(List.of(ProfessionalBooking.forVisit(visit.artsProfessionalId, visit),
                ProfessionalBooking.forVisit(visit.careProfessionalId, visit)));
    }

    public Uni<Void> release(Visit visit) {
        return bookings.deleteOfVisit(visit.id).replaceWithVoid();
    }

    /** The 409 for a visit clashing with another booking of one of the pair, naming it. */
    public static ConflictException clash(ProfessionalBooking other, TimeSlot slot) {
        String when = HelsinkiTime.describe(slot.start());
        return other.visitId != null
                ? new ConflictException("double-booking", "the pair is already booked at " + when + " in visit " + other.visitId)
                : new ConflictException("double-booking", "a professional of the pair is absent at " + when + " (absence " + other.absenceId + ")");
    }

    /**
     * Use as {@code .onFailure().recoverWithUni(failure -> bookings.explain(failure, visits))} after writing visits: a
     * write refused by the exclusion constraint (a concurrent request booked the time first) becomes the 409 naming
     * what it clashed with, read with a session of its own, since this transaction has failed. Other failures pass.
     */
    public <T> Uni<T> explain(Throwable failure, List<Visit> visits) {
        if (!isExclusionViolation(failure)) {
            return Uni.createFrom().failure(failure);
        }
        return sessions.withStatelessSession(session -> findClash(session, visits, 0))
                .onItem().transformToUni(clash -> Uni.createFrom().failure(clash));
    }

    private Uni<ConflictException> findClash(Mutiny.StatelessSession session, List<Visit> visits, int index) {
        if (index >= visits.size()) {
            return Uni.createFrom().item(new ConflictException("double-booking",
                    "the pair was booked at the same time by another request at the same moment"));
        }
        Visit visit = visits.get(index);
        return session.createSelectionQuery("from ProfessionalBooking where professionalId in :people and startsAt < :to"
                        + " and endsAt > :from order by startsAt", ProfessionalBooking.class)
                .setParameter("people", List.of(visit.artsProfessionalId, visit.careProfessionalId))
                .setParameter("from", visit.startsAt).setParameter("to", visit.endsAt).getResultList()
                .chain(others -> others.stream().filter(b -> !visit.id.equals(b.visitId)).findFirst()
                        .map(other -> Uni.createFrom().item(clash(other, new TimeSlot(visit.startsAt, visit.endsAt))))
                        .orElseGet(() -> findClash(session, visits, index + 1)));
    }

    /** Whether the database refused the write for an overlap (by SQLState, from JDBC or the reactive client). */
    public static boolean isExclusionViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (String getter : new String[] {"getSQLState", "getSqlState"}) {
                try {
                    if (EXCLUSION_VIOLATION.equals(t.getClass().getMethod(getter).invoke(t))) {
                        return true;
                    }
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // not a database exception
                }
            }
        }
        return false;
    }
}
