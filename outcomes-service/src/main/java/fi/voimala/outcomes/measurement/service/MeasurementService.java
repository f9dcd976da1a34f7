package fi.voimala.outcomes.measurement.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.outcomes.access.OutcomesAccess;
import fi.voimala.outcomes.access.OutcomesAccess.Scope;
import fi.voimala.outcomes.events.MeasurementEventData;
import fi.voimala.outcomes.events.OutcomeEvents;
import fi.voimala.outcomes.instrument.Instrument;
import fi.voimala.outcomes.instrument.definition.DefinitionProblem;
import fi.voimala.outcomes.instrument.definition.InstrumentDefinition;
import fi.voimala.outcomes.instrument.repository.InstrumentRepository;
import fi.voimala.outcomes.instrument.scoring.Score;
import fi.voimala.outcomes.instrument.scoring.Scorer;
import fi.voimala.outcomes.instrument.service.InstrumentCatalogue;
import fi.voimala.outcomes.measurement.Measurement;
import fi.voimala.outcomes.measurement.api.MeasurementApi.MeasurementCorrection;
import fi.voimala.outcomes.measurement.api.MeasurementApi.MeasurementView;
import fi.voimala.outcomes.measurement.api.MeasurementApi.NewMeasurement;
import fi.voimala.outcomes.measurement.api.MeasurementApi.ScoreView;
import fi.voimala.outcomes.measurement.repository.MeasurementRepository;
import fi.voimala.outcomes.outcome.service.OutcomeBook;
import fi.voimala.outcomes.partner.repository.ProfessionalCopyRepository;
import fi.voimala.outcomes.persistence.OutcomesConstraints;
import fi.voimala.outcomes.plan.MeasurementPlanPoint;
import fi.voimala.outcomes.plan.TimePoint;
import fi.voimala.outcomes.plan.repository.MeasurementPlanPointRepository;
import fi.voimala.outcomes.plan.service.PlanWindows;
import fi.voimala.outcomes.schedule.SeriesCopy;
import fi.voimala.outcomes.schedule.VisitCopy;
import fi.voimala.outcomes.schedule.repository.SeriesCopyRepository;
import fi.voimala.outcomes.schedule.repository.VisitCopyRepository;
import fi.voimala.outcomes.session.ParticipantCopy;
import fi.voimala.outcomes.session.repository.ParticipantCopyRepository;
import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Measurements: the series' pair (or a coordinator) enters a person's answers at a time point of the series' plan;
 * they are checked against the instrument, scored, flagged when outside the plan's window, and the series' outcome
 * follows in the same transaction (events for both). A participant whose consent does not cover measurements on that
 * day is refused. Those who read the series read its measurements.
 */
@ApplicationScoped
public class MeasurementService {

    public static final Map<String, String> SORTABLE = Map.of("measuredOn", "measuredOn", "recordedAt", "recordedAt");
    private static final TypeReference<Map<String, Integer>> ANSWERS = new TypeReference<>() {
    };
    private static final TypeReference<List<Score>> SCORES = new TypeReference<>() {
    };

    @Inject
    MeasurementRepository measurements;
    @Inject
    MeasurementPlanPointRepository planPoints;
    @Inject
    InstrumentRepository instruments;
    @Inject
    InstrumentCatalogue catalogue;
    @Inject
    SeriesCopyRepository series;
    @Inject
    VisitCopyRepository visits;
    @Inject
    ParticipantCopyRepository participants;
    @Inject
    ProfessionalCopyRepository professionals;
    @Inject
    OutcomesAccess access;
    @Inject
    OutcomeBook outcomes;
    @Inject
    OutcomeEvents events;
    @Inject
    ObjectMapper json;

    /** What a new measurement is about, once its references are found. */
    private record Subject(SeriesCopy series, MeasurementPlanPoint point, Instrument instrument,
                           InstrumentDefinition definition, ParticipantCopy participant, UUID staffId, VisitCopy visit) {

        UUID id() {
            return participant != null ? participant.id : staffId;
        }

        String type() {
            return participant != null ? "PARTICIPANT" : "STAFF";
        }
    }

    /** The list's filters; {@code visitId}: a session's before and after measurements. */
    public record Criteria(UUID seriesId, UUID visitId, String participantCode, String instrumentKey, TimePoint timePoint) {
    }

    public Uni<MeasurementView> record(Caller caller, NewMeasurement request) {
        return Panache.withTransaction(() -> access.scopeOf(caller)
                        .chain(scope -> subject(scope, request))
                        .call(subject -> outcomes.lockSubject(subject.id()))
                        .call(subject -> notMeasuredYet(subject, request))
                        .chain(subject -> windowOf(subject.series(), subject.point(), subject.visit())
                                .chain(window -> {
                                    Measurement m = new Measurement();
                                    m.id = UUID.randomUUID();
                                    m.seriesId = subject.series().id;
                                    m.instrumentId = subject.instrument().id;
                                    m.instrumentKey = subject.instrument().key;
                                    m.timePoint = request.timePoint().name();
                                    m.visitId = subject.visit() == null ? null : subject.visit().id;
                                    m.participantId = subject.participant() == null ? null : subject.participant().id;
                                    m.staffProfessionalId = subject.staffId();
                                    m.recordedAt = Instant.now();
                                    m.recordedBy = caller.username() == null ? "unknown" : caller.username();
                                    m.updatedAt = m.recordedAt;
                                    answer(m, subject.definition(), request.measuredOn(), request.answers(), window);
                                    return measurements.persist(m).call(() -> measurements.flush())
                                            .call(() -> followUp(m, subject.instrument(), subject.type(),
                                                    OutcomeEvents.MEASUREMENT_RECORDED))
                                            .map(saved -> view(m, subject.instrument(), subject.participant()));
                                })))
                .onFailure().transform(OutcomesConstraints::translate);
    }

    /** Corrects the answers or their day (the pair or a coordinator), with the version read; the outcome follows. */
    public Uni<MeasurementView> correct(Caller caller, UUID id, MeasurementCorrection request) {
        return Panache.withTransaction(() -> access.scopeOf(caller).chain(scope -> load(id)
                        .call(m -> outcomes.lockSubject(m.subjectId()))
                        .call(m -> series.findById(m.seriesId).chain(access::partiesOf)
                                .invoke(p -> OutcomesAccess.require(scope.runs(p.pair()))))
                        .invoke(m -> StoreErrors.requireVersion(request.version(), m.version))
                        .chain(m -> instruments.findById(m.instrumentId).chain(instrument -> series.findById(m.seriesId)
                                .chain(s -> planPoints.find(s.id, m.instrumentKey, m.timePoint)
                                        .chain(point -> (m.visitId == null ? Uni.createFrom().<VisitCopy>nullItem()
                                                : visits.findById(m.visitId))
                                                .chain(visit -> point == null ? Uni.createFrom().<PlanWindows.Window>nullItem()
                                                        : windowOf(s, point, visit))))
                                .chain(window -> {
                                    InstrumentDefinition definition = catalogue.definitionOf(instrument);
                                    requireValidAnswers(definition, request.answers());
                                    Uni<ParticipantCopy> participant = m.participantId == null
                                            ? Uni.createFrom().nullItem() : participants.findById(m.participantId);
                                    return participant.chain(p -> {
                                        if (p != null) {
                                            requireConsent(p, request.measuredOn());
                                        }
                                        answer(m, definition, request.measuredOn(), request.answers(), window);
                                        m.updatedAt = Instant.now();
                                        return measurements.flush()
                                                .call(() -> followUp(m, instrument, p == null ? "STAFF" : "PARTICIPANT",
                                                        OutcomeEvents.MEASUREMENT_CORRECTED))
                                                .map(nothing -> view(m, instrument, p));
                                    });
                                }))))
                .onFailure().transform(OutcomesConstraints::translate));
    }

    @WithSession
    public Uni<MeasurementView> get(Caller caller, UUID id) {
        return access.scopeOf(caller).chain(scope -> load(id)
                .call(m -> series.findById(m.seriesId).chain(access::partiesOf)
                        .invoke(p -> OutcomesAccess.require(scope.reads(p.pair(), p.site()))))
                .chain(m -> instruments.findById(m.instrumentId).chain(instrument ->
                        (m.participantId == null ? Uni.createFrom().<ParticipantCopy>nullItem()
                                : participants.findById(m.participantId))
                                .map(p -> view(m, instrument, p)))));
    }

    /** The measurements of the series the caller reads, newest first by default. */
    @WithSession
    public Uni<Page<MeasurementView>> list(Caller caller, Criteria criteria, PageRequest page) {
        return access.scopeOf(caller).chain(scope -> {
            Filter filter = new Filter()
                    .where("seriesId = :series", "series", criteria.seriesId())
                    .where("visitId = :visit", "visit", criteria.visitId())
                    .where("instrumentKey = :instrument", "instrument", criteria.instrumentKey())
                    .where("timePoint = :timePoint", "timePoint",
                            criteria.timePoint() == null ? null : criteria.timePoint().name())
                    .where("participantId in (select p.id from ParticipantCopy p where p.code = :code)", "code",
                            criteria.participantCode() == null ? null : normalisedCode(criteria.participantCode()));
            limitToSeriesRead(filter, scope);
            return Page.fetch(measurements.find(filter.query(), page.toSort(), filter.parameters()), page, m -> m)
                    .chain(found -> details(found.items()).map(found::withItems));
        });
    }

    /** The views of a page, with their instruments and participants read in two queries. */
    private Uni<List<MeasurementView>> details(List<Measurement> page) {
        Set<UUID> instrumentIds = page.stream().map(m -> m.instrumentId).collect(Collectors.toSet());
        List<UUID> participantIds = page.stream().map(m -> m.participantId).filter(java.util.Objects::nonNull)
                .distinct().toList();
        return instruments.list("id in ?1", instrumentIds).chain(found -> (participantIds.isEmpty()
                ? Uni.createFrom().item(List.<ParticipantCopy>of()) : participants.list("id in ?1", participantIds))
                .map(people -> {
                    Map<UUID, Instrument> byId = found.stream().collect(Collectors.toMap(i -> i.id, i -> i));
                    Map<UUID, ParticipantCopy> byPerson = people.stream().collect(Collectors.toMap(p -> p.id, p -> p));
                    return page.stream().map(m -> view(m, byId.get(m.instrumentId),
                            m.participantId == null ? null : byPerson.get(m.participantId))).toList();
                }));
    }

    private static void limitToSeriesRead(Filter filter, Scope scope) {
        if (scope.everything()) {
            return;
        }
        String mine = "seriesId in (select s.id from SeriesCopy s where s.pairId in (select p.id from PairCopy p"
                + " where p.artsProfessionalId = :me or p.careProfessionalId = :me))";
        filter.parameters().and("me", scope.professionalOrNone());
        if (scope.admin()) {
            filter.parameters().and("own", scope.organisationOrNone());
            filter.where("(" + mine + " or seriesId in (select s.id from SeriesCopy s where s.siteId in"
                    + " (select si.id from SiteCopy si where si.organisationId = :own)))");
        } else {
            filter.where(mine);
        }
    }

    /** Finds and checks everything the request names; all problems with the request at once. */
    private Uni<Subject> subject(Scope scope, NewMeasurement request) {
        return series.findById(request.seriesId()).chain(s -> {
            if (s == null) {
                throw new RuleViolationException("seriesId", "referenced-exists", "no series " + request.seriesId()
                        + " is known here (yet)");
            }
            return access.partiesOf(s).invoke(p -> OutcomesAccess.require(scope.runs(p.pair())))
                    .chain(p -> planPoints.find(s.id, request.instrumentKey(), request.timePoint().name()))
                    .chain(point -> {
                        if (point == null) {
                            throw new RuleViolationException("timePoint", "in-plan", "the series' measurement plan has"
                                    + " no " + request.instrumentKey() + " at " + request.timePoint());
                        }
                        return instruments.findByKeyAndVersion(point.instrumentKey, point.instrumentVersion)
                                .chain(instrument -> references(s, point, instrument, request));
                    });
        });
    }

    private Uni<Subject> references(SeriesCopy s, MeasurementPlanPoint point, Instrument instrument,
                                    NewMeasurement request) {
        InstrumentDefinition definition = catalogue.definitionOf(instrument);
        boolean forStaff = "STAFF".equals(instrument.target);
        boolean hasCode = request.participantCode() != null && !request.participantCode().isBlank();
        if (hasCode == (request.staffProfessionalId() != null)) {
            throw new RuleViolationException(forStaff ? "staffProfessionalId" : "participantCode", "one-subject",
                    "name either a participant (participantCode) or a staff member (staffProfessionalId)");
        }
        if (forStaff != (request.staffProfessionalId() != null)) {
            throw new RuleViolationException(forStaff ? "staffProfessionalId" : "participantCode", "instrument-target",
                    instrument.key + " is answered by " + (forStaff ? "staff" : "participants"));
        }
        if (request.timePoint().atSession() != (request.visitId() != null)) {
            throw new RuleViolationException("visitId", request.timePoint().atSession() ? "required" : "only-at-session",
                    request.timePoint().atSession() ? "name the session (its visit) this check was taken at"
                            : "only a check before or after a session names its visit");
        }
        if (request.measuredOn().isAfter(PlanWindows.day(Instant.now()))) {
            throw new RuleViolationException("measuredOn", "not-future", "a measurement cannot be taken in the future");
        }
        requireValidAnswers(definition, request.answers());
        Uni<VisitCopy> visit = request.visitId() == null ? Uni.createFrom().nullItem()
                : visits.findById(request.visitId()).invoke(v -> {
                    if (v == null || !v.seriesId.equals(s.id)) {
                        throw new RuleViolationException("visitId", "referenced-exists", "no visit " + request.visitId()
                                + " of this series is known here");
                    }
                    if (v.isCancelled()) {
                        throw new RuleViolationException("visitId", "not-cancelled", "the visit was cancelled");
                    }
                });
        return visit.chain(v -> forStaff
                ? professionals.findById(request.staffProfessionalId()).map(staff -> {
                    if (staff == null) {
                        throw new RuleViolationException("staffProfessionalId", "referenced-exists",
                                "no professional " + request.staffProfessionalId() + " in the register");
                    }
                    return new Subject(s, point, instrument, definition, null, staff.id, v);
                })
                : participants.find("seriesId = ?1 and code = ?2", s.id, normalisedCode(request.participantCode()))
                        .firstResult().map(p -> {
                            if (p == null) {
                                throw new RuleViolationException("participantCode", "referenced-exists",
                                        "no participant with this code in the series");
                            }
                            requireConsent(p, request.measuredOn());
                            return new Subject(s, point, instrument, definition, p, null, v);
                        }));
    }

    /** A second answer at the same time point (and session) is a conflict: the first is corrected instead. */
    private Uni<Void> notMeasuredYet(Subject subject, NewMeasurement request) {
        return measurements.find("seriesId = ?1 and instrumentKey = ?2 and timePoint = ?3"
                                + " and (participantId = ?4 or staffProfessionalId = ?4)"
                                + (request.visitId() == null ? " and visitId is null" : " and visitId = ?5"),
                        request.visitId() == null
                                ? new Object[] {subject.series().id, subject.instrument().key, request.timePoint().name(),
                                        subject.id()}
                                : new Object[] {subject.series().id, subject.instrument().key, request.timePoint().name(),
                                        subject.id(), request.visitId()})
                .firstResult().invoke(existing -> {
                    if (existing != null) {
                        throw new ConflictException("measured-already", "this person's " + existing.instrumentKey
                                + " at " + existing.timePoint + " is measurement " + existing.id
                                + "; correct that one instead");
                    }
                }).replaceWithVoid();
    }

    private static void requireConsent(ParticipantCopy p, LocalDate day) {
        if (!p.consents(ParticipantCopy.MEASUREMENTS, day)) {
            throw new RuleViolationException("participantCode", "consent-covers-measurements",
                    p.measurementsWithdrawnFrom != null && !day.isBefore(p.measurementsWithdrawnFrom)
                            ? "the participant withdrew consent to measurements from " + p.measurementsWithdrawnFrom
                            : "the participant's consent does not cover measurements");
        }
    }

    private Uni<PlanWindows.Window> windowOf(SeriesCopy s, MeasurementPlanPoint point, VisitCopy visit) {
        return visits.sessionSpan(s.id).map(span -> PlanWindows.of(s, span)
                .of(point, visit == null ? null : PlanWindows.day(visit.startsAt)));
    }

    /** Unknown items and answers off the instrument's scale, each named: checked once, before anything is read. */
    private static void requireValidAnswers(InstrumentDefinition definition, Map<String, Integer> answers) {
        List<DefinitionProblem> problems = Scorer.check(definition, answers);
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems.stream()
                    .map(p -> new Violation(p.field(), p.rule(), p.message())).toList());
        }
    }

    /** Stores the answers (already checked), their scores and whether they fall in the window. */
    private void answer(Measurement m, InstrumentDefinition definition, LocalDate measuredOn, Map<String, Integer> given,
                        PlanWindows.Window window) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        definition.items().forEach(item -> answers.put(item.id(), given.get(item.id())));
        m.measuredOn = measuredOn;
        m.answers = write(answers);
        m.scores = write(Scorer.score(definition, answers));
        m.windowOpens = window == null ? null : window.opens();
        m.windowCloses = window == null ? null : window.closes();
        m.inWindow = window == null || window.contains(measuredOn);
    }

    /** The measurement's event, then the series' outcome brought up to date and published when it changed. */
    private Uni<Void> followUp(Measurement m, Instrument instrument, String subjectType, String happened) {
        return events.record(happened, m.id, eventData(m, instrument, subjectType))
                .chain(() -> outcomes.subjectChanged(m.seriesId, m.instrumentKey, m.subjectId(), subjectType))
                .chain(changed -> changed.isEmpty() ? Uni.createFrom().voidItem()
                        : outcomes.publish(m.seriesId, m.instrumentKey));
    }

    private MeasurementEventData eventData(Measurement m, Instrument instrument, String subjectType) {
        return new MeasurementEventData(m.id, m.version, m.seriesId, m.instrumentKey, instrument.version, m.timePoint,
                m.visitId, subjectType, m.participantId, m.measuredOn, m.inWindow, read(m.scores, SCORES).stream()
                .map(s -> MeasurementEventData.ScoreValue.of(s.key(), s.value())).toList());
    }

    private Uni<Measurement> load(UUID id) {
        return measurements.findById(id).onItem().ifNull().failWith(() -> notFound("measurement", id));
    }

    private MeasurementView view(Measurement m, Instrument instrument, ParticipantCopy participant) {
        return new MeasurementView(m.id, m.version, m.seriesId, m.instrumentKey, instrument.version,
                TimePoint.valueOf(m.timePoint), m.visitId, m.participantId, participant == null ? null : participant.code,
                m.staffProfessionalId, m.measuredOn, read(m.answers, ANSWERS), read(m.scores, SCORES).stream()
                .map(s -> new ScoreView(s.key(), s.value(), s.raw(), s.answered(), s.missing(), s.imputed())).toList(),
                m.inWindow, m.windowOpens, m.windowCloses, m.recordedAt, m.recordedBy);
    }

    /** A code as typed on a tablet, in the form sessions gives it: upper case, in three groups of three. */
    public static String normalisedCode(String typed) {
        String plain = typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return plain.length() == 9 ? plain.substring(0, 3) + "-" + plain.substring(3, 6) + "-" + plain.substring(6)
                : plain;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
