package fi.voimala.scheduling.availability.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.problem.StrictJson;
import fi.voimala.platform.security.Caller;
import fi.voimala.scheduling.access.SchedulingAccess;
import fi.voimala.scheduling.access.SchedulingAccess.Scope;
import fi.voimala.scheduling.availability.SentStatement;
import fi.voimala.scheduling.availability.UnreadableBodyException;
import fi.voimala.scheduling.availability.WardStatement;
import fi.voimala.scheduling.availability.WardStatement.Fields;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.AcceptedView;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.OpenWindowsView;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.WardStatementView;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.WardStatementRequest;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.WardStatementsRequest;
import fi.voimala.scheduling.events.WardAvailabilityEventData;
import fi.voimala.scheduling.availability.fhir.FhirSlots;
import fi.voimala.scheduling.availability.mapping.WardAvailabilityMapper;
import fi.voimala.scheduling.availability.repository.AppliedStatementRepository;
import fi.voimala.scheduling.availability.repository.WardCalendarRepository;
import fi.voimala.scheduling.calendar.HelsinkiTime;
import fi.voimala.scheduling.events.SchedulingEvents;
import fi.voimala.scheduling.partner.OrganisationCopy;
import fi.voimala.scheduling.partner.SiteCopy;
import fi.voimala.scheduling.partner.repository.OrganisationCopyRepository;
import fi.voimala.scheduling.partner.repository.SiteCopyRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The hospital's door for ward availability and what the planners read of it. The door reads a body (our JSON: one
 * statement or {@code {"statements": [...]}}; or FHIR R4 Slots), checks every statement (all broken rules together),
 * checks that each names an open ward of the caller's own hospital, and puts them onto topic ward-availability
 * through the outbox: all of them, or none. Applying them is the consumer's ({@link StatementApplier}), so statements
 * from the door and from a hospital's integration engine on the topic are applied alike, in order per ward.
 */
@ApplicationScoped
public class WardAvailabilityService {

    public static final Map<String, String> SORTABLE = Map.of("receivedAt", "receivedAt", "from", "startsAt");
    /** The windows answer covers a year from {@code from} when no {@code to} is given. */
    static final int DEFAULT_WINDOW_DAYS = 365;

    @Inject
    SiteCopyRepository sites;
    @Inject
    OrganisationCopyRepository organisations;
    @Inject
    AppliedStatementRepository statements;
    @Inject
    WardCalendarRepository calendar;
    @Inject
    SchedulingAccess access;
    @Inject
    SchedulingEvents events;
    @Inject
    Vertx vertx;

    /** Request bodies are read as strictly as every other JSON body of the platform (platform-commons' StrictJson). */
    private final ObjectMapper strictJson;

    WardAvailabilityService(ObjectMapper application) {
        this.strictJson = StrictJson.apply(application.copy());
    }

    /** Our JSON: one statement, or {@code {"statements": [...]}} (told apart by that key). */
    public Uni<AcceptedView> publishJson(Caller caller, String body) {
        return Uni.createFrom().deferred(() -> {
            try {
                return Uni.createFrom().item(readJson(body));
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(e); // ProblemMappers name the field (400, or 422 for an unknown value)
            }
        }).chain(sent -> publish(caller, sent, WardAvailabilityEventData.SOURCE_API));
    }

    /** FHIR R4: a Slot or a Bundle of Slots. */
    public Uni<AcceptedView> publishFhir(Caller caller, String body) {
        // HAPI's parse is CPU work, 1-2 s on the JVM's first one (FhirSlotsWarmUp does that one at start): off the event
        // loop. executeBlocking hands the result back on the request's Vert.x context, where Hibernate Reactive must run.
        return vertx.executeBlocking(Uni.createFrom().item(() -> FhirSlots.read(body)))
                .chain(sent -> publish(caller, sent, WardAvailabilityEventData.SOURCE_FHIR));
    }

    List<SentStatement> readJson(String body) throws JsonProcessingException {
        JsonNode tree = body == null || body.isBlank() ? null : strictJson.readTree(body);
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new UnreadableBodyException(null, "body-required",
                    "the request needs a JSON body: one statement, or {\"statements\": [...]}");
        }
        if (tree.isObject() && tree.has("statements")) {
            List<WardStatement> read = WardStatement.validated(strictJson.treeToValue(tree, WardStatementsRequest.class));
            return IntStream.range(0, read.size())
                    .mapToObj(i -> new SentStatement(read.get(i), Fields.JSON.under("statements[" + i + "]"))).toList();
        }
        return List.of(new SentStatement(WardStatement.validated(strictJson.treeToValue(tree, WardStatementRequest.class)),
                Fields.JSON));
    }

    /**
     * Checks that every statement names an open ward of the caller's hospital and records one event per statement, in
     * the order sent, in one transaction: one ward code that is not the caller's and nothing is published. The
     * transaction is opened here, after the body has been read, so that no connection is held during a FHIR parse.
     */
    Uni<AcceptedView> publish(Caller caller, List<SentStatement> sent, String source) {
        return Panache.withTransaction(() -> ownOrganisation(caller)
                .chain(organisation -> ownWards(organisation, sent))
                .chain(wards -> Multi.createFrom().iterable(sent)
                        .onItem().transformToUniAndConcatenate(one -> {
                            SiteCopy ward = wards.get(lower(one.statement().wardCode()));
                            return events.publishWardAvailability(WardAvailabilityMapper.key(ward.organisationId, ward.wardCode),
                                    WardAvailabilityMapper.toEvent(ward, one.statement(), source));
                        })
                        .collect().asList())
                .map(eventIds -> new AcceptedView(eventIds, sent.size())));
    }

    /** The caller's organisation in the register's copy; a token naming none, or one unknown here, may not publish. */
    private Uni<OrganisationCopy> ownOrganisation(Caller caller) {
        if (caller.organization().isEmpty()) {
            return Uni.createFrom().failure(new ForbiddenException());
        }
        return organisations.findByAlias(caller.organization().get())
                .onItem().ifNull().failWith(ForbiddenException::new);
    }

    /**
     * The open wards of the organisation that the statements name, by lower-case code. A code that is none of them
     * is a 422 on its field, the same for an unknown code and another hospital's: nothing of the other is revealed.
     */
    private Uni<Map<String, SiteCopy>> ownWards(OrganisationCopy organisation, List<SentStatement> sent) {
        Set<String> codes = sent.stream().map(one -> lower(one.statement().wardCode())).collect(Collectors.toSet());
        return sites.list("organisationId = ?1 and type = ?2 and status = ?3 and lower(wardCode) in ?4", organisation.id,
                        SiteCopy.HOSPITAL_WARD, SiteCopy.OPEN, codes)
                .map(found -> {
                    Map<String, SiteCopy> wards = found.stream()
                            .collect(Collectors.toMap(ward -> lower(ward.wardCode), Function.identity(), (a, b) -> a));
                    List<Violation> violations = new ArrayList<>();
                    for (SentStatement one : sent) {
                        if (!wards.containsKey(lower(one.statement().wardCode()))) {
                            violations.add(new Violation(one.wardCodeField(), "own-ward", "'" + one.statement().wardCode()
                                    + "' is not an open ward of your organisation in the partner register"));
                        }
                    }
                    if (!violations.isEmpty()) {
                        throw new RuleViolationException(violations);
                    }
                    return wards;
                });
    }

    /**
     * The statements applied, newest first unless sorted otherwise: a coordinator's of every ward, a hospital's
     * (org-admin, hospital-system) of its own wards. {@code from}, {@code to}: dates in Helsinki, inclusive; a
     * statement is listed when its window overlaps them.
     */
    @WithSession
    public Uni<Page<WardStatementView>> list(Caller caller, UUID siteId, LocalDate from, LocalDate to, PageRequest page) {
        requireOrder(from, to);
        return access.scopeOf(caller)
                .call(scope -> siteId == null ? Uni.createFrom().voidItem() : visibleSite(scope, siteId).replaceWithVoid())
                .chain(scope -> {
                    Filter filter = new Filter()
                            .where("siteId = :site", "site", siteId)
                            .where("endsAt > :from", "from", from == null ? null : HelsinkiTime.startOfDay(from))
                            .where("startsAt < :to", "to", to == null ? null : HelsinkiTime.startOfDay(to.plusDays(1)));
                    if (!scope.everything()) {
                        filter.where("hospitalOrganisationId = :own", "own", scope.organisationOrNone());
                    }
                    return Page.fetch(statements.find(filter.query(), page.toSort(), filter.parameters()), page,
                            WardAvailabilityMapper::toView);
                });
    }

    /** The ward's open windows overlapping the dates (from today, a year, unless asked otherwise), for the planners. */
    @WithSession
    public Uni<OpenWindowsView> windows(Caller caller, UUID siteId, LocalDate from, LocalDate to) {
        if (siteId == null) {
            throw new RuleViolationException("siteId", "not-null", "name the ward: the site id of a hospital ward");
        }
        LocalDate start = from == null ? HelsinkiTime.today() : from;
        LocalDate end = to == null ? start.plusDays(DEFAULT_WINDOW_DAYS) : to;
        requireOrder(start, end);
        return access.scopeOf(caller).chain(scope -> visibleSite(scope, siteId)).chain(site -> {
            if (!site.isWard()) {
                throw new RuleViolationException("siteId", "hospital-ward",
                        "not a hospital ward: other sites have no published windows, they are open whenever booked");
            }
            return calendar.openWindows(site.id, HelsinkiTime.startOfDay(start), HelsinkiTime.startOfDay(end.plusDays(1)));
        }).map(windows -> new OpenWindowsView(siteId, start, end, windows.stream().map(WardAvailabilityMapper::toView).toList()));
    }

    /** The site, if the caller may see its availability: a coordinator any, a hospital its own (else 403). */
    private Uni<SiteCopy> visibleSite(Scope scope, UUID siteId) {
        return sites.findById(siteId).onItem().ifNull().failWith(() -> notFound("site", siteId))
                .invoke(site -> SchedulingAccess.require(scope.everything()
                        || (scope.organisationId() != null && scope.organisationId().equals(site.organisationId))));
    }

    private static void requireOrder(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new RuleViolationException("to", "after-from", "must not be before from (" + from + ")");
        }
    }

    private static String lower(String wardCode) {
        return wardCode.toLowerCase(Locale.ROOT);
    }
}
