package fi.voimala.scheduling.visit.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import fi.voimala.scheduling.access.SchedulingAccess;
import fi.voimala.scheduling.access.SchedulingAccess.Scope;
import fi.voimala.scheduling.calendar.FinnishHolidays;
import fi.voimala.scheduling.calendar.HelsinkiTime;
import fi.voimala.scheduling.calendar.TimeSlot;
import fi.voimala.scheduling.events.SchedulingEvents;
import fi.voimala.scheduling.partner.PairCopy;
import fi.voimala.scheduling.partner.repository.PairCopyRepository;
import fi.voimala.scheduling.partner.repository.SiteCopyRepository;
import fi.voimala.scheduling.persistence.SchedulingConstraints;
import fi.voimala.scheduling.series.Series;
import fi.voimala.scheduling.series.SeriesStatus;
import fi.voimala.scheduling.series.repository.SeriesRepository;
import fi.voimala.scheduling.visit.Visit;
import fi.voimala.scheduling.visit.VisitStatus;
import fi.voimala.scheduling.visit.api.VisitApi.AddVisitRequest;
import fi.voimala.scheduling.visit.api.VisitApi.CancelRequest;
import fi.voimala.scheduling.visit.api.VisitApi.MoveRequest;
import fi.voimala.scheduling.visit.api.VisitApi.VisitView;
import fi.voimala.scheduling.visit.mapping.VisitMapper;
import fi.voimala.scheduling.visit.mapping.VisitNames;
import fi.voimala.scheduling.visit.repository.VisitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
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
import java.util.Set;
import java.util.UUID;

/**
 * Visits: listing them for whoever may see them, adding a make-up visit, moving and cancelling one, and marking
 * one held or missed as sessions-service reports. Every change raises the visit's iCalendar SEQUENCE and is an event.
 */
@ApplicationScoped
public class VisitService {

    public static final Map<String, String> SORTABLE = Map.of("startsAt", "startsAt", "status", "status");

    @Inject
    VisitRepository visits;
    @Inject
    SeriesRepository series;
    @Inject
    SiteCopyRepository sites;
    @Inject
    PairCopyRepository pairs;
    @Inject
    VisitBookings bookings;
    @Inject
    FinnishHolidays holidays;
    @Inject
    SchedulingAccess access;
    @Inject
    SchedulingEvents events;

    public record Criteria(UUID professionalId, UUID pairId, UUID siteId, UUID seriesId, LocalDate from, LocalDate to,
                           VisitStatus status) {
    }

    @WithSession
    public Uni<Page<VisitView>> list(Caller caller, Criteria criteria, PageRequest page) {
        if (criteria.from() != null && criteria.to() != null && criteria.to().isBefore(criteria.from())) {
            throw new RuleViolationException("to", "after-from", "must not be before from");
        }
        return access.scopeOf(caller).chain(scope -> {
            Filter filter = new Filter()
                    .where("(artsProfessionalId = :person or careProfessionalId = :person)", "person", criteria.professionalId())
                    .where("pairId = :pair", "pair", criteria.pairId())
                    .where("siteId = :site", "site", criteria.siteId())
                    .where("seriesId = :series", "series", criteria.seriesId())
                    .where("endsAt > :from", "from", criteria.from() == null ? null : HelsinkiTime.startOfDay(criteria.from()))
                    .where("startsAt < :to", "to", criteria.to() == null ? null : HelsinkiTime.startOfDay(criteria.to().plusDays(1)))
                    .where("status = :status", "status", criteria.status() == null ? null : criteria.status().name());
            limitToScope(filter, scope);
            return Page.fetch(visits.find(filter.query(), page.toSort(), filter.parameters()), page, v -> v);
        }).chain(found -> VisitNames.of(found.items()).map(names -> found.withItems(
                found.items().stream().map(v -> VisitMapper.toView(v, names)).toList())));
    }

    /** The visits a caller sees: all (coordinator); at its sites or of its people (org-admin); their own (others). */
    static void limitToScope(Filter filter, Scope scope) {
        if (scope.everything()) {
            return;
        }
        if (scope.admin()) {
            filter.where("(siteId in (select s.id from SiteCopy s where s.organisationId = :own)"
                    + " or artsProfessionalId in (select p.id from ProfessionalCopy p where p.organisationId = :own)"
                    + " or careProfessionalId in (select p.id from ProfessionalCopy p where p.organisationId = :own))",
                    "own", scope.organisationOrNone());
        } else {
            filter.where("(artsProfessionalId = :me or careProfessionalId = :me)", "me", scope.professionalOrNone());
        }
    }

    @WithSession
    public Uni<VisitView> get(Caller caller, UUID id) {
        return load(id).call(visit -> requireSees(caller, visit)).chain(this::view);
    }

    /** An extra visit in a series, e.g. to make up for a cancelled one: at the given time, the series' duration. */
    /**
     * Run again when PostgreSQL aborts it for a deadlock: two requests booking the same professional at once can each
     * wait for the other's exclusion check; the run that follows sees the winner's booking and answers 409 naming it.
     */
    public Uni<VisitView> add(Caller caller, AddVisitRequest request) {
        return Panache.withTransaction(() -> series.findById(request.seriesId())
                .onItem().ifNull().failWith(() -> new RuleViolationException("seriesId", "referenced-exists", "no such series"))
                .call(s -> requireManages(caller, s.siteId))
                .chain(s -> {
                    if (!SeriesStatus.ACTIVE.name().equals(s.status)) {
                        throw new ConflictException("series-not-active", "the series is " + s.status.toLowerCase() + "; resume it first");
                    }
                    Instant start = request.startsAt().toInstant();
                    TimeSlot slot = new TimeSlot(start, start.plus(Duration.ofMinutes(s.durationMinutes)));
                    return visits.count("seriesId", s.id).chain(count -> placeable(s, slot, Set.of())
                            .chain(pair -> {
                                Visit visit = Visit.create(s, pair, (int) (long) count + 1, slot);
                                visit.statusReason = request.reason();
                                return visits.persist(visit).call(() -> bookings.book(visit)).call(() -> visits.flush())
                                        .onFailure().recoverWithUni(failure -> bookings.explain(failure, List.of(visit)))
                                        .call(() -> events.record(SchedulingEvents.VISIT_SCHEDULED, visit.id, VisitMapper.toEvent(visit)));
                            }));
                })
                .chain(this::view))
                .onFailure(StoreErrors::isTransient).retry().atMost(StoreErrors.TRANSIENT_RETRIES)
                .onFailure().transform(SchedulingConstraints::translate);
    }

    @WithTransaction
    public Uni<VisitView> move(Caller caller, UUID id, MoveRequest request) {
        return load(id)
                .call(visit -> requireManages(caller, visit.siteId))
                .invoke(visit -> {
                    if (request.version() != null) {
                        StoreErrors.requireVersion(request.version(), visit.version);
                    }
                    requireScheduled(visit);
                })
                .chain(visit -> series.findById(visit.seriesId).chain(s -> {
                    Instant start = request.startsAt().toInstant();
                    TimeSlot slot = new TimeSlot(start, start.plus(Duration.between(visit.startsAt, visit.endsAt)));
                    return placeable(s, slot, Set.of(visit.id)).chain(pair -> moveTo(visit, slot, request.reason()));
                }))
                .chain(this::view)
                .onFailure().transform(SchedulingConstraints::translate);
    }

    /**
     * Moves a scheduled visit to a slot already known to be free, with its bookings and its event; also used by
     * rescheduling. The caller's transaction holds it all.
     */
    public Uni<Visit> moveTo(Visit visit, TimeSlot slot, String reason) {
        Instant previousStart = visit.startsAt;
        Instant previousEnd = visit.endsAt;
        return bookings.release(visit).invoke(() -> {
                    visit.previousStartsAt = previousStart;
                    visit.previousEndsAt = previousEnd;
                    visit.startsAt = slot.start();
                    visit.endsAt = slot.end();
                    visit.sequence++;
                    visit.statusReason = reason;
                    visit.updatedAt = Instant.now();
                })
                .call(() -> visits.flush())
                .call(() -> bookings.book(visit))
                .call(() -> visits.flush())
                .onFailure().recoverWithUni(failure -> bookings.explain(failure, List.of(visit)))
                .call(() -> events.record(SchedulingEvents.VISIT_MOVED, visit.id,
                        VisitMapper.toEvent(visit, reason, previousStart, previousEnd)))
                .replaceWith(visit);
    }

    @WithTransaction
    public Uni<VisitView> cancel(Caller caller, UUID id, CancelRequest request) {
        return load(id)
                .call(visit -> requireManages(caller, visit.siteId))
                .invoke(VisitService::requireScheduled)
                .call(visit -> cancelVisit(visit, request.reason()))
                .chain(this::view)
                .onFailure().transform(SchedulingConstraints::translate);
    }

    /** Cancels a scheduled visit with its reason, frees the pair's time and records the event (caller's transaction). */
    public Uni<Void> cancelVisit(Visit visit, String reason) {
        visit.status = VisitStatus.CANCELLED.name();
        visit.statusReason = reason;
        visit.sequence++;
        visit.updatedAt = Instant.now();
        return bookings.release(visit)
                .call(() -> visits.flush())
                .call(() -> events.record(SchedulingEvents.VISIT_CANCELLED, visit.id, VisitMapper.toEvent(visit)));
    }

    /**
     * sessions-service recorded the session of this visit: HELD or MISSED. Runs in the consumer's transaction; a
     * record for a visit already marked so changes nothing; an unknown visit is answered with null.
     */
    public Uni<Visit> recordSession(UUID visitId, UUID sessionRecordId, boolean held) {
        return visits.findById(visitId).call(visit -> {
            if (visit == null) {
                return Uni.createFrom().voidItem();
            }
            VisitStatus status = held ? VisitStatus.HELD : VisitStatus.MISSED;
            if (status.name().equals(visit.status) && sessionRecordId.equals(visit.sessionRecordId)) {
                return Uni.createFrom().voidItem();
            }
            visit.status = status.name();
            visit.sessionRecordId = sessionRecordId;
            visit.updatedAt = Instant.now();
            // Its bookings stay: the pair was (or was meant to be) there at that time.
            return visits.flush().call(() -> events.record(held ? SchedulingEvents.VISIT_HELD : SchedulingEvents.VISIT_MISSED,
                    visit.id, VisitMapper.toEvent(visit)));
        });
    }

    /**
     * Checks that the series' pair may hold a visit in this slot at its site: no public holiday, the ward open, no
     * absence or other visit of the pair. Answers the pair.
     */
    Uni<PairCopy> placeable(Series s, TimeSlot slot, Set<UUID> movingVisits) {
        LocalDate date = slot.localDate();
        holidays.holidayName(date).ifPresent(name -> {
            throw new RuleViolationException("startsAt", "holiday", date + " is a public holiday in Finland (" + name + ")");
        });
        return sites.findById(s.siteId).chain(site -> pairs.findById(s.pairId).chain(pair -> bookings.context(pair.artsProfessionalId,
                        pair.careProfessionalId, site, slot.start(), slot.end(), movingVisits)
                .map(context -> {
                    if (!context.wardOpen(slot)) {
                        throw new RuleViolationException("startsAt", "ward-closed", "the ward has not published this time as"
                                + " open for group activity (" + HelsinkiTime.describe(slot.start()) + ")");
                    }
                    context.absence(slot).ifPresent(absence -> {
                        throw VisitBookings.clash(absence, slot);
                    });
                    context.visitClash(slot).ifPresent(other -> {
                        throw VisitBookings.clash(other, slot);
                    });
                    return pair;
                })));
    }

    Uni<Void> requireSees(Caller caller, Visit visit) {
        return access.scopeOf(caller).chain(scope -> {
            if (scope.everything() || scope.isProfessional(visit.artsProfessionalId) || scope.isProfessional(visit.careProfessionalId)) {
                return Uni.createFrom().voidItem();
            }
            if (!scope.admin()) {
                return Uni.createFrom().failure(new io.quarkus.security.ForbiddenException());
            }
            return sites.findById(visit.siteId).chain(site -> {
                if (site != null && scope.administers(site.organisationId)) {
                    return Uni.createFrom().voidItem();
                }
                return visits.getSession().chain(session -> session.createSelectionQuery(
                                "select count(*) from ProfessionalCopy where id in :people and organisationId = :own", Long.class)
                        .setParameter("people", List.of(visit.artsProfessionalId, visit.careProfessionalId))
                        .setParameter("own", scope.organisationOrNone()).getSingleResult())
                        .invoke(own -> SchedulingAccess.require(own > 0)).replaceWithVoid();
            });
        });
    }

    /** Changing a visit: the coordinator, or an org-admin of the organisation whose site it is at. */
    Uni<Void> requireManages(Caller caller, UUID siteId) {
        return access.scopeOf(caller).chain(scope -> sites.findById(siteId)
                .invoke(site -> SchedulingAccess.require(scope.everything() || (site != null && scope.administers(site.organisationId)))))
                .replaceWithVoid();
    }

    private static void requireScheduled(Visit visit) {
        if (!visit.isScheduled()) {
            throw new ConflictException("visit-not-scheduled", "the visit is " + visit.status.toLowerCase() + " and can no longer change");
        }
    }

    private Uni<Visit> load(UUID id) {
        return visits.findById(id).onItem().ifNull().failWith(() -> notFound("visit", id));
    }

    private Uni<VisitView> view(Visit visit) {
        return VisitNames.of(visit).map(names -> VisitMapper.toView(visit, names));
    }
}
