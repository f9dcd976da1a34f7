package fi.voimala.outcomes.plan.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.outcomes.access.OutcomesAccess;
import fi.voimala.outcomes.access.OutcomesAccess.Scope;
import fi.voimala.outcomes.instrument.Instrument;
import fi.voimala.outcomes.instrument.repository.InstrumentRepository;
import fi.voimala.outcomes.persistence.OutcomesConstraints;
import fi.voimala.outcomes.plan.MeasurementPlan;
import fi.voimala.outcomes.plan.MeasurementPlanPoint;
import fi.voimala.outcomes.plan.TimePoint;
import fi.voimala.outcomes.plan.api.MeasurementPlanApi.PlanRequest;
import fi.voimala.outcomes.plan.api.MeasurementPlanApi.PlanView;
import fi.voimala.outcomes.plan.api.MeasurementPlanApi.PointRequest;
import fi.voimala.outcomes.plan.api.MeasurementPlanApi.PointView;
import fi.voimala.outcomes.plan.repository.MeasurementPlanPointRepository;
import fi.voimala.outcomes.plan.repository.MeasurementPlanRepository;
import fi.voimala.outcomes.schedule.SeriesCopy;
import fi.voimala.outcomes.schedule.repository.SeriesCopyRepository;
import fi.voimala.outcomes.schedule.repository.VisitCopyRepository;
import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Measurement plans: the series' pair (or a coordinator) says which instruments are answered at which time points,
 * each with its window; those who read the series (and researchers, as the plan names no one) read it with its
 * windows' dates.
 */
@ApplicationScoped
public class MeasurementPlanService {

    @Inject
    MeasurementPlanRepository plans;
    @Inject
    MeasurementPlanPointRepository points;
    @Inject
    InstrumentRepository instruments;
    @Inject
    SeriesCopyRepository series;
    @Inject
    VisitCopyRepository visits;
    @Inject
    OutcomesAccess access;

    @WithSession
    public Uni<PlanView> get(Caller caller, UUID seriesId) {
        return access.scopeOf(caller).chain(scope -> knownSeries(seriesId)
                .call(s -> access.partiesOf(s).invoke(p -> OutcomesAccess.require(
                        scope.reads(p.pair(), p.site()) || caller.hasRole(PlatformRole.RESEARCHER))))
                .chain(s -> plans.findById(seriesId).onItem().ifNull()
                        .failWith(() -> new jakarta.ws.rs.NotFoundException("series " + seriesId
                                + " has no measurement plan yet"))
                        .chain(plan -> view(s, plan))));
    }

    /** Creates or replaces the series' plan (its pair or a coordinator). */
    @WithTransaction
    public Uni<PlanView> put(Caller caller, UUID seriesId, PlanRequest request) {
        return access.scopeOf(caller).chain(scope -> knownSeries(seriesId)
                        .call(s -> access.partiesOf(s).invoke(p -> OutcomesAccess.require(scope.runs(p.pair()))))
                        .chain(s -> resolve(request.points()).chain(resolved -> plans.findById(seriesId)
                                .chain(existing -> {
                                    if (existing == null && request.version() != null) {
                                        throw StoreErrors.staleVersion();
                                    }
                                    if (existing != null) {
                                        StoreErrors.requireVersion(request.version(), existing.version);
                                    }
                                    MeasurementPlan plan = existing == null ? new MeasurementPlan() : existing;
                                    plan.seriesId = seriesId;
                                    plan.updatedAt = Instant.now();
                                    plan.updatedBy = caller.username() == null ? "unknown" : caller.username();
                                    Uni<?> saved = existing == null ? plans.persist(plan) : Uni.createFrom().item(plan);
                                    return saved.call(() -> points.delete("seriesId", seriesId))
                                            .call(() -> points.flush())
                                            .call(() -> points.persist(resolved.stream().map(r -> point(seriesId, r))
                                                    .toList()))
                                            .call(() -> plans.flush())
                                            .chain(() -> view(s, plan));
                                }))))
                .onFailure().transform(OutcomesConstraints::translate);
    }

    private record Resolved(PointRequest request, Instrument instrument) {
    }

    /** Each point's instrument (the named version, or the newest) and the plan's own rules, all problems at once. */
    private Uni<List<Resolved>> resolve(List<PointRequest> requested) {
        return Multi.createFrom().iterable(requested)
                .onItem().transformToUniAndConcatenate(p -> (p.instrumentVersion() == null
                        ? instruments.findNewest(p.instrumentKey())
                        : instruments.findByKeyAndVersion(p.instrumentKey(), p.instrumentVersion()))
                        .map(found -> new Resolved(p, found)))
                .collect().asList()
                .invoke(resolved -> {
                    List<Violation> problems = new ArrayList<>();
                    Set<String> seen = new HashSet<>();
                    Set<String> sessionChecks = new HashSet<>();
                    for (int i = 0; i < resolved.size(); i++) {
                        Resolved r = resolved.get(i);
                        String at = "points[" + i + "]";
                        TimePoint tp = r.request().timePoint();
                        if (r.instrument() == null) {
                            problems.add(new Violation(at + ".instrumentKey", "referenced-exists", "no instrument "
                                    + r.request().instrumentKey() + (r.request().instrumentVersion() == null ? ""
                                    : " version " + r.request().instrumentVersion())));
                            continue;
                        }
                        if (!seen.add(r.instrument().key + "@" + tp)) {
                            problems.add(new Violation(at + ".timePoint", "unique",
                                    "an instrument is planned once per time point"));
                        }
                        if (tp.atSession() && "STAFF".equals(r.instrument().target)) {
                            problems.add(new Violation(at + ".timePoint", "staff-not-per-session",
                                    "staff instruments are answered at baseline, end or follow-up"));
                        }
                        if ((tp == TimePoint.FOLLOW_UP) != (r.request().followUpWeeks() != null)) {
                            problems.add(new Violation(at + ".followUpWeeks", "follow-up-weeks",
                                    "a follow-up names its weeks after the last session, and only a follow-up does"));
                        }
                        if (tp.atSession()) {
                            sessionChecks.add(r.instrument().key + "@" + tp);
                        }
                    }
                    for (int i = 0; i < resolved.size(); i++) {
                        Resolved r = resolved.get(i);
                        TimePoint tp = r.request().timePoint();
                        if (r.instrument() != null && tp.atSession()) {
                            TimePoint other = tp == TimePoint.BEFORE_SESSION ? TimePoint.AFTER_SESSION
                                    : TimePoint.BEFORE_SESSION;
                            if (!sessionChecks.contains(r.instrument().key + "@" + other)) {
                                problems.add(new Violation("points[" + i + "].timePoint", "before-and-after",
                                        "a session's check is planned both before and after the session"
                                                + " (a lift needs both)"));
                            }
                        }
                    }
                    if (!problems.isEmpty()) {
                        throw new RuleViolationException(problems);
                    }
                });
    }

    private static MeasurementPlanPoint point(UUID seriesId, Resolved r) {
        PointRequest p = r.request();
        MeasurementPlanPoint point = new MeasurementPlanPoint();
        point.id = UUID.randomUUID();
        point.seriesId = seriesId;
        point.instrumentKey = r.instrument().key;
        point.instrumentVersion = r.instrument().version;
        point.timePoint = p.timePoint().name();
        point.daysBefore = p.daysBefore() == null ? p.timePoint().defaultDaysBefore : p.daysBefore();
        point.daysAfter = p.daysAfter() == null ? p.timePoint().defaultDaysAfter : p.daysAfter();
        point.followUpWeeks = p.followUpWeeks();
        return point;
    }

    private Uni<SeriesCopy> knownSeries(UUID seriesId) {
        return series.findById(seriesId).onItem().ifNull().failWith(() -> notFound("series", seriesId));
    }

    private Uni<PlanView> view(SeriesCopy s, MeasurementPlan plan) {
        return visits.sessionSpan(s.id).map(span -> PlanWindows.of(s, span)).chain(windows -> points.ofSeries(s.id)
                .map(found -> new PlanView(s.id, plan.version, plan.updatedAt, plan.updatedBy, windows.firstSession(),
                        windows.lastSession(), found.stream().map(p -> {
                            PlanWindows.Window w = TimePoint.valueOf(p.timePoint).atSession() ? null : windows.of(p, null);
                            return new PointView(p.instrumentKey, p.instrumentVersion, TimePoint.valueOf(p.timePoint),
                                    p.daysBefore, p.daysAfter, p.followUpWeeks, w == null ? null : w.opens(),
                                    w == null ? null : w.closes());
                        }).toList())));
    }
}
