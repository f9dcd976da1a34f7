package fi.voimala.scheduling.absence.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import fi.voimala.scheduling.absence.Absence;
import fi.voimala.scheduling.absence.api.AbsenceApi.AbsenceRequest;
import fi.voimala.scheduling.absence.api.AbsenceApi.AbsenceView;
import fi.voimala.scheduling.absence.mapping.AbsenceMapper;
import fi.voimala.scheduling.absence.repository.AbsenceRepository;
import fi.voimala.scheduling.access.SchedulingAccess;
import fi.voimala.scheduling.calendar.HelsinkiTime;
import fi.voimala.scheduling.partner.ProfessionalCopy;
import fi.voimala.scheduling.partner.repository.ProfessionalCopyRepository;
import fi.voimala.scheduling.persistence.SchedulingConstraints;
import fi.voimala.scheduling.visit.ProfessionalBooking;
import fi.voimala.scheduling.visit.repository.BookingRepository;
import fi.voimala.scheduling.visit.service.VisitBookings;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Professionals' absences. An absence takes the professional's time like a visit does: it writes a booking in the same
 * transaction, so the database's exclusion constraint refuses an absence over one of their visits or another absence
 * (409 naming it), and later planning skips it. Recorded by the coordinator, the org-admin of the professional's
 * organisation, or the professional themself; read by the same people.
 */
@ApplicationScoped
public class AbsenceService {

    public static final Map<String, String> SORTABLE = Map.of("startsAt", "startsAt", "endsAt", "endsAt");
    /** Longer leave is recorded in parts: a year (a leap year's) at most. */
    static final Duration LONGEST = Duration.ofDays(366);

    @Inject
    AbsenceRepository absences;
    @Inject
    BookingRepository bookings;
    @Inject
    ProfessionalCopyRepository professionals;
    @Inject
    SchedulingAccess access;
    @Inject
    Mutiny.SessionFactory sessions;

    public record Criteria(UUID professionalId, LocalDate from, LocalDate to) {
    }

    @WithTransaction
    public Uni<AbsenceView> create(Caller caller, AbsenceRequest request) {
        Instant start = request.startsAt().toInstant();
        Instant end = request.endsAt().toInstant();
        if (!end.isAfter(start)) {
            throw new RuleViolationException("endsAt", "after-start", "must be after startsAt");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new RuleViolationException("endsAt", "max-length", "an absence lasts at most 366 days; record a longer one in parts");
        }
        return professionals.findById(request.professionalId())
                .onItem().ifNull().failWith(() -> new RuleViolationException("professionalId", "referenced-exists",
                        "no such professional is known to scheduling"))
                .call(person -> access.scopeOf(caller).invoke(scope -> SchedulingAccess.require(scope.actsFor(person.id, person))))
                .chain(person -> bookings.overlapping(List.of(person.id), start, end).chain(taken -> {
                    if (!taken.isEmpty()) {
                        throw clash(taken.get(0));
                    }
                    Absence absence = new Absence();
                    absence.id = UUID.randomUUID();
                    absence.professionalId = person.id;
                    absence.startsAt = start;
                    absence.endsAt = end;
                    absence.reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
                    absence.createdAt = Instant.now();
                    absence.updatedAt = absence.createdAt;
                    // The absence first: its booking refers to it.
                    return absences.persist(absence)
                            .call(() -> bookings.persist(ProfessionalBooking.forAbsence(person.id, absence.id, start, end)))
                            .call(() -> absences.flush())
                            .onFailure().recoverWithUni(failure -> explain(failure, person.id, start, end))
                            .map(saved -> AbsenceMapper.toView(absence, person));
                }))
                .onFailure().transform(SchedulingConstraints::translate);
    }

    /** Deletes the absence and its booking: the professional's time is free again. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return load(id)
                .call(absence -> access.requireActsFor(caller, absence.professionalId))
                .call(absence -> bookings.delete("absenceId", absence.id))
                .call(absence -> absences.delete(absence))
                .call(() -> absences.flush())
                .replaceWithVoid()
                .onFailure().transform(SchedulingConstraints::translate);
    }

    @WithSession
    public Uni<AbsenceView> get(Caller caller, UUID id) {
        return load(id).chain(absence -> access.requireActsFor(caller, absence.professionalId).map(person -> AbsenceMapper.toView(absence, person)));
    }

    @WithSession
    public Uni<Page<AbsenceView>> list(Caller caller, Criteria criteria, PageRequest page) {
        if (criteria.from() != null && criteria.to() != null && criteria.to().isBefore(criteria.from())) {
            throw new RuleViolationException("to", "after-from", "must not be before from");
        }
        return access.scopeOf(caller).chain(scope -> {
            Filter filter = new Filter()
                    .where("professionalId = :person", "person", criteria.professionalId())
                    .where("endsAt > :from", "from", criteria.from() == null ? null : HelsinkiTime.startOfDay(criteria.from()))
                    .where("startsAt < :to", "to", criteria.to() == null ? null : HelsinkiTime.startOfDay(criteria.to().plusDays(1)));
            SchedulingAccess.limitToPeopleActedFor(filter, scope);
            return Page.fetch(absences.find(filter.query(), page.toSort(), filter.parameters()), page, a -> a);
        }).chain(found -> professionals.byIds(found.items().stream().map(a -> a.professionalId).toList())
                .map(personOf -> found.withItems(found.items().stream()
                        .map(a -> AbsenceMapper.toView(a, personOf.get(a.professionalId))).toList())));
    }


    /** The 409 for an absence over time the professional already has booked, naming the visit or absence. */
    static ConflictException clash(ProfessionalBooking other) {
        String when = HelsinkiTime.describe(other.startsAt);
        return other.visitId != null
                ? new ConflictException("double-booking", "the professional has visit " + other.visitId + " at " + when
                        + "; move or cancel it first")
                : new ConflictException("double-booking", "the professional is already absent from " + when
                        + " (absence " + other.absenceId + ")");
    }

    /**
     * A write the exclusion constraint refused (a concurrent request booked the time first) becomes the 409 naming
     * what it clashed with, read with a session of its own since this transaction has failed. Other failures pass.
     */
    private <T> Uni<T> explain(Throwable failure, UUID professionalId, Instant start, Instant end) {
        if (!VisitBookings.isExclusionViolation(failure)) {
            return Uni.createFrom().failure(failure);
        }
        return sessions.withStatelessSession(session -> session.createSelectionQuery("from ProfessionalBooking"
                                + " where professionalId = :person and startsAt < :to and endsAt > :from order by startsAt",
                        ProfessionalBooking.class)
                .setParameter("person", professionalId).setParameter("from", start).setParameter("to", end)
                .getResultList())
                .onItem().transformToUni(others -> Uni.createFrom().failure(others.isEmpty()
                        ? new ConflictException("double-booking", "the professional's time was booked by another request at the same moment")
                        : clash(others.get(0))));
    }




    private Uni<Absence> load(UUID id) {
        return absences.findById(id).onItem().ifNull().failWith(() -> notFound("absence", id));
    }
}
