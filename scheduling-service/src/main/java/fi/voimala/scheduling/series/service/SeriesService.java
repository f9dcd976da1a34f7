package fi.voimala.scheduling.series.service;

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
import fi.voimala.scheduling.calendar.HelsinkiTime;
import fi.voimala.scheduling.calendar.NoFreeSlotException;
import fi.voimala.scheduling.calendar.Recurrence;
import fi.voimala.scheduling.calendar.VisitPlanner;
import fi.voimala.scheduling.calendar.Plan;
import fi.voimala.scheduling.calendar.PlannedSlot;
import fi.voimala.scheduling.events.SchedulingEvents;
import fi.voimala.scheduling.group.ActivityGroup;
import fi.voimala.scheduling.group.repository.GroupRepository;
import fi.voimala.scheduling.partner.PairCopy;
import fi.voimala.scheduling.partner.SiteCopy;
import fi.voimala.scheduling.partner.repository.PairCopyRepository;
import fi.voimala.scheduling.partner.repository.SiteCopyRepository;
import fi.voimala.scheduling.persistence.SchedulingConstraints;
import fi.voimala.scheduling.series.ArtForm;
import fi.voimala.scheduling.series.Series;
import fi.voimala.scheduling.series.SeriesStatus;
import fi.voimala.scheduling.series.api.SeriesApi.CancelRequest;
import fi.voimala.scheduling.series.api.SeriesApi.PauseRequest;
import fi.voimala.scheduling.series.api.SeriesApi.ResumeRequest;
import fi.voimala.scheduling.series.api.SeriesApi.PreviewVisit;
import fi.voimala.scheduling.series.api.SeriesApi.SeriesChangeRequest;
import fi.voimala.scheduling.series.api.SeriesApi.SeriesPreview;
import fi.voimala.scheduling.series.api.SeriesApi.SkippedDateView;
import fi.voimala.scheduling.series.api.SeriesApi.SeriesRequest;
import fi.voimala.scheduling.series.api.SeriesApi.SeriesView;
import fi.voimala.scheduling.series.api.SeriesApi.ShortenRequest;
import fi.voimala.scheduling.series.api.SeriesApi.VisitCounts;
import fi.voimala.scheduling.series.mapping.SeriesMapper;
import fi.voimala.scheduling.series.repository.SeriesRepository;
import fi.voimala.scheduling.visit.Visit;
import fi.voimala.scheduling.visit.VisitStatus;
import fi.voimala.scheduling.visit.mapping.VisitMapper;
import fi.voimala.scheduling.visit.repository.VisitRepository;
import fi.voimala.scheduling.visit.service.PlanningContext;
import fi.voimala.scheduling.visit.service.VisitBookings;
import fi.voimala.scheduling.visit.service.VisitService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Series: planning one (its visits generated on its rhythm, public holidays, absences and closed ward windows skipped
 * and the series extended), changing, pausing, resuming, shortening and cancelling it. A clash with another visit of
 * the pair is a 409 naming that visit, never silently moved.
 */
@ApplicationScoped
public class SeriesService {

    public static final Map<String, String> SORTABLE = Map.of("firstDate", "firstDate", "status", "status",
            "plannedEnd", "plannedEnd");
    /** How far ahead planning looks for free slots, beyond the series' own length: half a year. */
    static final int EXTRA_WEEKS = 26;

    @Inject
    SeriesRepository series;
    @Inject
    GroupRepository groups;
    @Inject
    SiteCopyRepository sites;
    @Inject
    PairCopyRepository pairs;
    @Inject
    VisitRepository visits;
    @Inject
    VisitBookings bookings;
    @Inject
    VisitService visitService;
    @Inject
    VisitPlanner planner;
    @Inject
    SchedulingAccess access;
    @Inject
    SchedulingEvents events;

    public record Criteria(UUID groupId, UUID pairId, UUID siteId, SeriesStatus status) {
    }

    /** Run again when PostgreSQL aborts it for a deadlock over a professional's bookings (see VisitService.add). */
    public Uni<SeriesView> plan(Caller caller, SeriesRequest request) {
        requireReasonForCount(request.plannedSessions(), request.sessionCountReason(), "sessionCountReason");
        return Panache.withTransaction(() -> parties(caller, request).chain(p -> {
                    Series s = newSeries(p.group(), p.pair(), request);
                    return generate(s, p.pair(), p.site(), request.firstDate(), s.plannedSessions, 1)
                            .chain(planned -> {
                                s.plannedEnd = planned.get(planned.size() - 1).slot().localDate();
                                return series.persist(s).call(() -> series.flush())
                                        .call(() -> events.record(SchedulingEvents.SERIES_PLANNED, s.id, SeriesMapper.toEvent(s)))
                                        .call(() -> persistVisits(s, p.pair(), planned));
                            })
                            .chain(() -> view(s, p.group(), p.site()));
                }))
                .onFailure(StoreErrors::isTransient).retry().atMost(StoreErrors.TRANSIENT_RETRIES)
                .onFailure().transform(SchedulingConstraints::translate);
    }

    /**
     * What {@link #plan} would make of the request, by the same checks and the same planner, without writing anything:
     * the visits it would generate and the dates on its rhythm that would get none (holidays, absences, closed ward
     * windows, clashes), so that a planner sees them before saving.
     */
    public Uni<SeriesPreview> preview(Caller caller, SeriesRequest request) {
        requireReasonForCount(request.plannedSessions(), request.sessionCountReason(), "sessionCountReason");
        return Panache.withSession(() -> parties(caller, request).chain(p -> {
                    Series s = newSeries(p.group(), p.pair(), request);
                    return plannedWithSkipped(s, p.pair(), p.site(), request.firstDate(), s.plannedSessions);
                }))
                .map(plan -> new SeriesPreview(request.firstDate(), plan.lastDate(),
                        plan.slots().stream().map(slot -> new PreviewVisit(slot.ordinal(), slot.date(), slot.slot().start(),
                                slot.slot().end())).toList(),
                        plan.skipped().stream().map(skip -> new SkippedDateView(skip.date(), skip.reason())).toList()))
                .onFailure().transform(SchedulingConstraints::translate);
    }

    @WithTransaction
    public Uni<SeriesView> change(Caller caller, UUID id, SeriesChangeRequest request) {
        return loadManaged(caller, id).invoke(s -> {
                    StoreErrors.requireVersion(request.version(), s.version);
                    requireReasonForCount(s.plannedSessions, request.sessionCountReason(), "sessionCountReason");
                    s.artForms = request.artForms().stream().map(ArtForm::name).sorted().toArray(String[]::new);
                    s.sessionCountReason = blankToNull(request.sessionCountReason());
                    s.updatedAt = Instant.now();
                })
                .call(s -> series.flush())
                .call(s -> events.record(SchedulingEvents.SERIES_CHANGED, s.id, SeriesMapper.toEvent(s)))
                .chain(this::view)
                .onFailure().transform(SchedulingConstraints::translate);
    }

    /** No visits from {@code from} on until resumed: the scheduled ones are cancelled with the reason. */
    @WithTransaction
    public Uni<SeriesView> pause(Caller caller, UUID id, PauseRequest request) {
        LocalDate from = notInPast(request.from(), "from");
        return loadManaged(caller, id)
                .invoke(s -> requireStatus(s, SeriesStatus.ACTIVE, "only an active series can be paused"))
                .call(s -> cancelScheduledFrom(s, HelsinkiTime.startOfDay(from), "series paused: " + request.reason()))
                .invoke(s -> setStatus(s, SeriesStatus.PAUSED, request.reason()))
                .call(s -> series.flush())
                .call(s -> events.record(SchedulingEvents.SERIES_PAUSED, s.id, SeriesMapper.toEvent(s)))
                .chain(this::view)
                .onFailure().transform(SchedulingConstraints::translate);
    }

    /** Active again from {@code from} on: the sessions still missing are planned again on the series' rhythm. */
    @WithTransaction
    public Uni<SeriesView> resume(Caller caller, UUID id, ResumeRequest request) {
        LocalDate from = notInPast(request == null ? null : request.from(), "from");
        return loadManaged(caller, id)
                .invoke(s -> requireStatus(s, SeriesStatus.PAUSED, "only a paused series can be resumed"))
                .call(s -> activePair(s.pairId, "pairId").chain(pair -> sites.findById(s.siteId).chain(site -> {
                    if (!site.isOpen()) {
                        throw new ConflictException("site-closed", "the series' site " + site.name + " is closed");
                    }
                    return visits.ofSeries(s.id).chain(all -> {
                        long kept = all.stream().filter(v -> !VisitStatus.CANCELLED.name().equals(v.status)).count();
                        int missing = (int) Math.max(0, s.plannedSessions - kept);
                        setStatus(s, SeriesStatus.ACTIVE, null);
                        if (missing == 0) {
                            return Uni.createFrom().voidItem();
                        }
                        return generate(s, pair, site, from, missing, all.size() + 1).chain(planned -> {
                            s.plannedEnd = planned.get(planned.size() - 1).slot().localDate();
                            return persistVisits(s, pair, planned);
                        });
                    });
                })))
                .call(s -> series.flush())
                .call(s -> events.record(SchedulingEvents.SERIES_RESUMED, s.id, SeriesMapper.toEvent(s)))
                .chain(this::view)
                .onFailure().transform(SchedulingConstraints::translate);
    }

    /** Fewer sessions: the latest scheduled visits beyond the new number are cancelled. */
    @WithTransaction
    public Uni<SeriesView> shorten(Caller caller, UUID id, ShortenRequest request) {
        int wanted = request.plannedSessions();
        return loadManaged(caller, id)
                .invoke(s -> {
                    if (SeriesStatus.CANCELLED.name().equals(s.status)) {
                        throw new ConflictException("series-cancelled", "the series has been cancelled");
                    }
                    if (wanted >= s.plannedSessions) {
                        throw new RuleViolationException("plannedSessions", "fewer", "must be fewer than the "
                                + s.plannedSessions + " sessions planned now");
                    }
                })
                .call(s -> visits.ofSeries(s.id).chain(all -> {
                    long done = all.stream().filter(v -> VisitStatus.HELD.name().equals(v.status)
                            || VisitStatus.MISSED.name().equals(v.status)).count();
                    if (wanted < done) {
                        throw new RuleViolationException("plannedSessions", "not-below-done",
                                done + " sessions have already been held or missed");
                    }
                    List<Visit> kept = all.stream().filter(v -> !VisitStatus.CANCELLED.name().equals(v.status)).toList();
                    List<Visit> surplus = kept.stream().filter(Visit::isScheduled)
                            .sorted((a, b) -> b.startsAt.compareTo(a.startsAt))
                            .limit(Math.max(0, kept.size() - wanted)).toList();
                    s.plannedSessions = wanted;
                    if (wanted < 15 || wanted > 30) {
                        s.sessionCountReason = request.reason();
                    }
                    s.plannedEnd = kept.stream().filter(v -> !surplus.contains(v)).map(v -> HelsinkiTime.localDate(v.startsAt))
                            .max(LocalDate::compareTo).orElse(s.firstDate);
                    s.updatedAt = Instant.now();
                    return cancelAll(surplus, "series shortened to " + wanted + " sessions: " + request.reason());
                }))
                .call(s -> series.flush())
                .call(s -> events.record(SchedulingEvents.SERIES_CHANGED, s.id, SeriesMapper.toEvent(s)))
                .chain(this::view)
                .onFailure().transform(SchedulingConstraints::translate);
    }

    @WithTransaction
    public Uni<SeriesView> cancel(Caller caller, UUID id, CancelRequest request) {
        return loadManaged(caller, id)
                .invoke(s -> {
                    if (SeriesStatus.CANCELLED.name().equals(s.status)) {
                        throw new ConflictException("already-cancelled", "the series was cancelled already");
                    }
                })
                .call(s -> end(s, Instant.now(), "series cancelled: " + request.reason(), request.reason()))
                .chain(this::view)
                .onFailure().transform(SchedulingConstraints::translate);
    }

    /**
     * Ends a series: its scheduled visits from {@code from} on are cancelled with {@code visitReason}, and it is
     * CANCELLED with {@code reason}; also when the register dissolves its pair or closes its site. Caller's transaction.
     */
    public Uni<Void> end(Series s, Instant from, String visitReason, String reason) {
        return cancelScheduledFrom(s, from, visitReason)
                .invoke(() -> setStatus(s, SeriesStatus.CANCELLED, reason))
                .call(() -> series.flush())
                .call(() -> events.record(SchedulingEvents.SERIES_CANCELLED, s.id, SeriesMapper.toEvent(s)));
    }

    @WithSession
    public Uni<SeriesView> get(Caller caller, UUID id) {
        return load(id).call(s -> access.scopeOf(caller).chain(scope -> requireSees(scope, s))).chain(this::view);
    }

    @WithSession
    public Uni<Page<SeriesView>> list(Caller caller, Criteria criteria, PageRequest page) {
        return access.scopeOf(caller).chain(scope -> {
            Filter filter = new Filter()
                    .where("groupId = :group", "group", criteria.groupId())
                    .where("pairId = :pair", "pair", criteria.pairId())
                    .where("siteId = :site", "site", criteria.siteId())
                    .where("status = :status", "status", criteria.status() == null ? null : criteria.status().name());
            limitToScope(filter, scope);
            return Page.fetch(series.find(filter.query(), page.toSort(), filter.parameters()), page, s -> s);
        }).chain(found -> views(found.items()).map(found::withItems));
    }

    /** The series a caller sees: all; those at its organisation's sites (org-admin); those its pairs run (others). */
    public static void limitToScope(Filter filter, Scope scope) {
        if (scope.everything()) {
            return;
        }
        if (scope.admin()) {
            filter.where("siteId in (select s.id from SiteCopy s where s.organisationId = :own)", "own", scope.organisationOrNone());
        } else {
            filter.where("pairId in (select p.id from PairCopy p where p.artsProfessionalId = :me or p.careProfessionalId = :me)",
                    "me", scope.professionalOrNone());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Plans {@code count} visits from {@code from} on the series' rhythm, respecting what the pair and site allow. */
    private Uni<List<PlannedSlot>> generate(Series s, PairCopy pair, SiteCopy site, LocalDate from, int count, int firstOrdinal) {
        return plannedWithSkipped(s, pair, site, from, count).map(plan -> {
            List<PlannedSlot> numbered = new ArrayList<>();
            for (PlannedSlot slot : plan.slots()) {
                numbered.add(new PlannedSlot(firstOrdinal + slot.ordinal() - 1, slot.date(), slot.slot()));
            }
            return numbered;
        });
    }

    /** The planner's plan for the series from {@code from}: its slots (numbered from 1) and the dates it skipped. */
    private Uni<Plan> plannedWithSkipped(Series s, PairCopy pair, SiteCopy site, LocalDate from, int count) {
        Recurrence rhythm = SeriesMapper.rhythm(s);
        LocalDate horizon = from.plusWeeks((long) count * (rhythm.frequency().days() / 7) + EXTRA_WEEKS);
        return bookings.context(pair.artsProfessionalId, pair.careProfessionalId, site, HelsinkiTime.startOfDay(from),
                HelsinkiTime.startOfDay(horizon.plusDays(1)), Set.of()).map(context -> {
            Plan plan;
            try {
                plan = planner.plan(rhythm, from, count, context.forPlanning());
            } catch (NoFreeSlotException e) {
                throw new RuleViolationException("firstDate", "free-slots", "no room for " + count + " sessions on this rhythm"
                        + (site.isWard() ? " in the ward's published open windows" : "") + ": " + e.getMessage());
            }
            for (PlannedSlot slot : plan.slots()) {
                context.visitClash(slot.slot()).ifPresent(other -> {
                    throw VisitBookings.clash(other, slot.slot());
                });
            }
            return plan;
        });
    }

    private Uni<Void> persistVisits(Series s, PairCopy pair, List<PlannedSlot> planned) {
        List<Visit> created = planned.stream().map(p -> Visit.create(s, pair, p.ordinal(), p.slot())).toList();
        return visits.persist(created)
                .call(() -> Multi.createFrom().iterable(created).onItem().transformToUniAndConcatenate(bookings::book).collect().last())
                .call(() -> visits.flush())
                .onFailure().recoverWithUni(failure -> bookings.explain(failure, created))
                .call(() -> Multi.createFrom().iterable(created).onItem().transformToUniAndConcatenate(v ->
                        events.record(SchedulingEvents.VISIT_SCHEDULED, v.id, VisitMapper.toEvent(v))).collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> cancelScheduledFrom(Series s, Instant from, String reason) {
        return visits.scheduledOfSeriesFrom(s.id, from).chain(list -> cancelAll(list, reason));
    }

    private Uni<Void> cancelAll(Collection<Visit> list, String reason) {
        return Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(v -> visitService.cancelVisit(v, reason))
                .collect().last().replaceWithVoid();
    }

    private Series newSeries(ActivityGroup group, PairCopy pair, SeriesRequest request) {
        Series s = new Series();
        s.id = UUID.randomUUID();
        s.groupId = group.id;
        s.siteId = group.siteId;
        s.pairId = pair.id;
        s.artForms = request.artForms().stream().map(ArtForm::name).sorted().toArray(String[]::new);
        s.plannedSessions = request.plannedSessions();
        s.sessionCountReason = blankToNull(request.sessionCountReason());
        s.frequency = request.frequency().name();
        s.weekday = (request.weekday() == null ? request.firstDate().getDayOfWeek() : request.weekday()).name();
        s.startTime = request.startTime().withSecond(0).withNano(0);
        s.durationMinutes = request.durationMinutes();
        s.firstDate = SeriesMapper.rhythm(s).firstOnOrAfter(request.firstDate());
        s.status = SeriesStatus.ACTIVE.name();
        s.createdAt = Instant.now();
        s.updatedAt = s.createdAt;
        return s;
    }

    /** Who a new series is of: its group (known), the group's site (administered by the caller, open), its pair (active). */
    private record Parties(ActivityGroup group, SiteCopy site, PairCopy pair) {
    }

    private Uni<Parties> parties(Caller caller, SeriesRequest request) {
        return groups.findById(request.groupId())
                .onItem().ifNull().failWith(() -> new RuleViolationException("groupId", "referenced-exists", "no such activity group"))
                .chain(group -> sites.findById(group.siteId).chain(site -> requireAdministers(caller, site)
                        .chain(() -> activePair(request.pairId(), "pairId"))
                        .map(pair -> {
                            if (!site.isOpen()) {
                                throw new RuleViolationException("groupId", "site-open", "the group's site " + site.name + " is closed");
                            }
                            return new Parties(group, site, pair);
                        })));
    }

    private Uni<PairCopy> activePair(UUID pairId, String field) {
        return pairs.findById(pairId)
                .onItem().ifNull().failWith(() -> new RuleViolationException(field, "referenced-exists", "no such pair is known to scheduling"))
                .invoke(pair -> {
                    if (!pair.isActive()) {
                        throw new RuleViolationException(field, "pair-active", "the pair was dissolved on " + pair.dissolvedOn);
                    }
                });
    }

    private Uni<Void> requireAdministers(Caller caller, SiteCopy site) {
        return access.scopeOf(caller).invoke(scope -> SchedulingAccess.require(scope.administers(site.organisationId))).replaceWithVoid();
    }

    private Uni<Series> loadManaged(Caller caller, UUID id) {
        return load(id).call(s -> sites.findById(s.siteId).chain(site -> requireAdministers(caller, site)));
    }

    private Uni<Void> requireSees(Scope scope, Series s) {
        if (scope.everything()) {
            return Uni.createFrom().voidItem();
        }
        if (scope.admin()) {
            return sites.findById(s.siteId).invoke(site -> SchedulingAccess.require(site != null && scope.administers(site.organisationId)))
                    .replaceWithVoid();
        }
        return pairs.findById(s.pairId).invoke(pair -> SchedulingAccess.require(pair != null
                && scope.professionalId() != null && pair.includes(scope.professionalId()))).replaceWithVoid();
    }

    private Uni<Series> load(UUID id) {
        return series.findById(id).onItem().ifNull().failWith(() -> notFound("series", id));
    }

    private Uni<SeriesView> view(Series s) {
        return views(List.of(s)).map(list -> list.get(0));
    }

    private Uni<SeriesView> view(Series s, ActivityGroup group, SiteCopy site) {
        return counts(List.of(s.id)).map(counts -> SeriesMapper.toView(s, group.name, site.name,
                counts.getOrDefault(s.id, new VisitCounts(0, 0, 0, 0))));
    }

    /** Views of a page of series with their groups' and sites' names and their visit counts, in three queries. */
    private Uni<List<SeriesView>> views(List<Series> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = list.stream().map(s -> s.id).toList();
        return groups.list("id in ?1", list.stream().map(s -> s.groupId).distinct().toList())
                .chain(groupList -> sites.list("id in ?1", list.stream().map(s -> s.siteId).distinct().toList())
                        .chain(siteList -> counts(ids).map(counts -> {
                            Map<UUID, String> groupNames = new HashMap<>();
                            groupList.forEach(g -> groupNames.put(g.id, g.name));
                            Map<UUID, String> siteNames = new HashMap<>();
                            siteList.forEach(site -> siteNames.put(site.id, site.name));
                            return list.stream().map(s -> SeriesMapper.toView(s, groupNames.get(s.groupId),
                                    siteNames.get(s.siteId), counts.getOrDefault(s.id, new VisitCounts(0, 0, 0, 0)))).toList();
                        })));
    }

    private Uni<Map<UUID, VisitCounts>> counts(List<UUID> seriesIds) {
        return visits.getSession().chain(session -> session.createSelectionQuery(
                        "select seriesId, status, count(*) from Visit where seriesId in :ids group by seriesId, status", Object[].class)
                .setParameter("ids", seriesIds).getResultList())
                .map(rows -> {
                    Map<UUID, long[]> tally = new HashMap<>();
                    for (Object[] row : rows) {
                        long[] n = tally.computeIfAbsent((UUID) row[0], k -> new long[4]);
                        n[VisitStatus.valueOf((String) row[1]).ordinal()] += (Long) row[2];
                    }
                    Map<UUID, VisitCounts> counts = new HashMap<>();
                    tally.forEach((id, n) -> counts.put(id, new VisitCounts(n[VisitStatus.SCHEDULED.ordinal()],
                            n[VisitStatus.HELD.ordinal()], n[VisitStatus.MISSED.ordinal()], n[VisitStatus.CANCELLED.ordinal()])));
                    return counts;
                });
    }

    private static void requireStatus(Series s, SeriesStatus wanted, String message) {
        if (!wanted.name().equals(s.status)) {
            throw new ConflictException("series-" + s.status.toLowerCase(), message + "; this one is " + s.status.toLowerCase());
        }
    }

    private static void setStatus(Series s, SeriesStatus status, String reason) {
        s.status = status.name();
        s.statusReason = reason;
        s.updatedAt = Instant.now();
    }

    private static void requireReasonForCount(int sessions, String reason, String field) {
        if ((sessions < 15 || sessions > 30) && (reason == null || reason.isBlank())) {
            throw new RuleViolationException(field, "reason-required",
                    "the method's range is 15-30 sessions; give the reason for " + sessions);
        }
    }

    private static LocalDate notInPast(LocalDate date, String field) {
        LocalDate today = HelsinkiTime.today();
        if (date == null) {
            return today;
        }
        if (date.isBefore(today)) {
            throw new RuleViolationException(field, "not-in-past", "must be today (" + today + ") or later");
        }
        return date;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
