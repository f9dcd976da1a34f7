package fi.voimala.sessions.participant.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import fi.voimala.sessions.access.SessionsAccess;
import fi.voimala.sessions.access.SessionsAccess.Scope;
import fi.voimala.sessions.access.SessionsAccess.SeriesParties;
import fi.voimala.sessions.audit.AuditAction;
import fi.voimala.sessions.audit.service.AuditLog;
import fi.voimala.sessions.events.SessionEvents;
import fi.voimala.sessions.participant.Consent;
import fi.voimala.sessions.participant.ConsentPurpose;
import fi.voimala.sessions.participant.ConsentWithdrawal;
import fi.voimala.sessions.participant.Participant;
import fi.voimala.sessions.participant.api.ParticipantApi.ConsentRequest;
import fi.voimala.sessions.participant.api.ParticipantApi.NewParticipant;
import fi.voimala.sessions.participant.api.ParticipantApi.ParticipantChange;
import fi.voimala.sessions.participant.api.ParticipantApi.ParticipantView;
import fi.voimala.sessions.participant.api.ParticipantApi.WithdrawalRequest;
import fi.voimala.sessions.participant.mapping.ParticipantMapper;
import fi.voimala.sessions.participant.repository.ConsentWithdrawalRepository;
import fi.voimala.sessions.participant.repository.ParticipantRepository;
import fi.voimala.sessions.persistence.SessionsConstraints;
import fi.voimala.sessions.schedule.SeriesCopy;
import fi.voimala.sessions.schedule.repository.SeriesCopyRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Participants: the series' pair (or a coordinator) enrols a person under a generated code with their consent,
 * changes the little the platform keeps of them, and records a withdrawal of consent; those who read the series
 * read its participants, a researcher those whose consent covers research use. Every read and change is in the
 * audit log, in the same transaction. Erasure is {@link ParticipantErasureService}'s.
 */
@ApplicationScoped
public class ParticipantService {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    public static final Map<String, String> SORTABLE = Map.of("code", "pa.code", "enrolledAt", "pa.enrolledAt");
    /**
     * Codes tried before giving up. With 31^8 ≈ 8.5·10^11 codes and some thousands given, a draw meets a taken code
     * less than once in a hundred million enrolments; five in a row do not happen.
     */
    static final int CODE_ATTEMPTS = 5;
    /** Consent to {@code purpose} was withdrawn by {@code :today} (the participant's alias is {@code pa}). */
    private static final String WITHDRAWN = "exists (select w.id from ConsentWithdrawal w where w.participantId = pa.id"
            + " and w.withdrawnFrom <= :today and array_contains(w.covers, '%s'))";
    /** What a researcher may read: consent to research use, not withdrawn. */
    static final String RESEARCH_CONSENTED = "(array_contains(pa.consentCovers, 'RESEARCH_USE') and not "
            + WITHDRAWN.formatted("RESEARCH_USE") + ")";

    @Inject
    ParticipantRepository participants;
    @Inject
    ConsentWithdrawalRepository withdrawals;
    @Inject
    SeriesCopyRepository series;
    @Inject
    SessionsAccess access;
    @Inject
    SessionEvents events;
    @Inject
    AuditLog audit;
    @Inject
    CodeGenerator codes;

    /** {@code code}: canonical (nine characters), already checked; {@code active}: consent to take part today. */
    public record Criteria(UUID seriesId, String code, Boolean active) {
    }

    /**
     * Enrols a person into a series the caller's pair runs (or any, for a coordinator), under a new code. On the rare
     * clash with a code already given the whole transaction is tried again with a new code: the failed insert has
     * aborted the first transaction.
     */
    public Uni<ParticipantView> enrol(Caller caller, NewParticipant request) {
        return Panache.withTransaction(() -> access.scopeOf(caller)
                        .chain(scope -> enrollableSeries(scope, request.seriesId()))
                        .invoke(found -> checkConsent(request.consent()))
                        .chain(found -> create(caller, found, request))
                        .onFailure().transform(SessionsConstraints::translate))
                .onFailure(ParticipantService::isCodeClash).retry().atMost(CODE_ATTEMPTS - 1);
    }

    private Uni<ParticipantView> create(Caller caller, SeriesCopy found, NewParticipant request) {
        Participant p = new Participant();
        p.id = UUID.randomUUID();
        p.seriesId = found.id;
        p.code = codes.next().value();
        ParticipantMapper.applyDetails(p, request.yearOfBirthBand(), request.gender());
        ParticipantMapper.applyConsent(p, request.consent());
        p.enrolledAt = Instant.now();
        p.enrolledBy = AuditLog.actorOf(caller);
        p.updatedAt = p.enrolledAt;
        LocalDate today = today();
        return participants.persist(p)
                .call(() -> participants.flush())
                .call(() -> events.record(SessionEvents.PARTICIPANT_ENROLLED, p.id,
                        ParticipantMapper.toEventData(p, List.of(), today)))
                .call(() -> audit.record(caller, AuditAction.ENROL, List.of(p.id), p.seriesId, null))
                .map(saved -> ParticipantMapper.toView(p, List.of(), today, true));
    }

    /** Replaces the year-of-birth band and gender (the pair or a coordinator), with the version read. */
    @WithTransaction
    public Uni<ParticipantView> change(Caller caller, UUID id, ParticipantChange request) {
        LocalDate today = today();
        return access.scopeOf(caller).chain(scope -> load(id, LockModeType.NONE)
                        .call(p -> runs(scope, p.seriesId).invoke(SessionsAccess::require))
                        .invoke(p -> StoreErrors.requireVersion(request.version(), p.version))
                        .chain(p -> withdrawals.of(List.of(p.id)).chain(withdrawn -> {
                            List<String> changed = new ArrayList<>();
                            if (!Objects.equals(p.yearOfBirthBand, request.yearOfBirthBand())) {
                                changed.add("yearOfBirthBand");
                            }
                            if (!Objects.equals(p.gender, request.gender() == null ? null : request.gender().name())) {
                                changed.add("gender");
                            }
                            if (changed.isEmpty()) {
                                return audit.record(caller, AuditAction.READ, List.of(p.id), p.seriesId,
                                                "participant (a change that changed nothing)")
                                        .map(nothing -> ParticipantMapper.toView(p, withdrawn, today, true));
                            }
                            ParticipantMapper.applyDetails(p, request.yearOfBirthBand(), request.gender());
                            p.updatedAt = Instant.now();
                            return participants.flush()
                                    .call(() -> events.record(SessionEvents.PARTICIPANT_CHANGED, p.id,
                                            ParticipantMapper.toEventData(p, withdrawn, today)))
                                    .call(() -> audit.record(caller, AuditAction.CHANGE, List.of(p.id), p.seriesId,
                                            String.join(", ", changed)))
                                    .map(nothing -> ParticipantMapper.toView(p, withdrawn, today, true));
                        })))
                .onFailure().transform(SessionsConstraints::translate);
    }

    /**
     * Records that the person withdrew (part of) their consent from a date on: the series' pair, a coordinator, and
     * the org-admin of the series' site, since the care unit is often who hears it from the person or their family.
     * This is the one change an org-admin may make to participant data. Only what is named is withdrawn: stopping
     * participation does not by itself withdraw consent to research use of what was already collected.
     * The participant's row is locked first, so that two withdrawals take turns and the second sees the first.
     */
    @WithTransaction
    public Uni<ParticipantView> withdraw(Caller caller, UUID id, WithdrawalRequest request) {
        LocalDate today = today();
        return access.scopeOf(caller).chain(scope -> load(id, LockModeType.PESSIMISTIC_WRITE)
                        .call(p -> reads(scope, p.seriesId).invoke(SessionsAccess::require))
                        .chain(p -> withdrawals.of(List.of(p.id)).chain(before -> {
                            checkWithdrawal(p, before, request, today);
                            ConsentWithdrawal w = new ConsentWithdrawal();
                            w.id = UUID.randomUUID();
                            w.participantId = p.id;
                            ParticipantMapper.applyWithdrawal(w, request);
                            w.recordedAt = Instant.now();
                            w.recordedBy = AuditLog.actorOf(caller);
                            // The participant's state changed: its version rises, so that consumers keeping a copy
                            // take this event as newer than the last.
                            p.updatedAt = w.recordedAt;
                            List<ConsentWithdrawal> after = new ArrayList<>(before);
                            after.add(w);
                            return withdrawals.persist(w)
                                    .call(() -> participants.flush())
                                    .call(() -> events.record(SessionEvents.CONSENT_WITHDRAWN, p.id,
                                            ParticipantMapper.toEventData(p, after, today)))
                                    .call(() -> audit.record(caller, AuditAction.WITHDRAW_CONSENT, List.of(p.id),
                                            p.seriesId, "from " + w.withdrawnFrom + ": " + String.join(", ", w.covers)))
                                    .map(nothing -> ParticipantMapper.toView(p, after, today, true));
                        })))
                .onFailure().transform(SessionsConstraints::translate);
    }

    /**
     * One participant: for those who read the series (coordinator, its pair, the org-admin of its site), and for a
     * researcher if the consent covers research use today, then without the notes.
     */
    @WithTransaction
    public Uni<ParticipantView> get(Caller caller, UUID id) {
        LocalDate today = today();
        return access.scopeOf(caller).chain(scope -> load(id, LockModeType.NONE)
                .chain(p -> withdrawals.of(List.of(p.id)).chain(withdrawn -> reads(scope, p.seriesId).map(reads -> {
                    boolean researchUse = Consent.covers(p, withdrawn, ConsentPurpose.RESEARCH_USE, today);
                    SessionsAccess.require(reads || (scope.researcher() && researchUse));
                    return ParticipantMapper.toView(p, withdrawn, today, reads);
                })).call(view -> audit.record(caller, AuditAction.READ, List.of(p.id), p.seriesId, "participant"))));
    }

    /** The participants the caller may read, limited in the query itself; the page read is one audit entry. */
    @WithTransaction
    public Uni<Page<ParticipantView>> list(Caller caller, Criteria criteria, PageRequest page) {
        LocalDate today = today();
        return Page.oneSnapshotForThisTransaction()
                .chain(() -> access.scopeOf(caller))
                .chain(scope -> {
                    Filter filter = new Filter()
                            .where("pa.seriesId = :series", "series", criteria.seriesId())
                            .where("pa.code = :code", "code", criteria.code());
                    if (criteria.active() != null) {
                        filter.where((criteria.active() ? "not " : "") + WITHDRAWN.formatted("PARTICIPATION"));
                        filter.parameters().and("today", today);
                    }
                    limitToScope(filter, scope, today);
                    Sort sort = Sort.by(page.sortField(), page.descending() ? Sort.Direction.Descending
                            : Sort.Direction.Ascending).and("pa.id").disableEscaping();
                    return Page.fetch(participants.find("from Participant pa where " + filter.query(), sort,
                                    filter.parameters()), page, p -> p)
                            .chain(found -> views(caller, scope, found.items(), today).map(found::withItems));
                });
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Limits a list to what the caller reads: the series it reads (coordinator: all), and for a researcher also every
     * participant whose consent covers research use today.
     */
    static void limitToScope(Filter filter, Scope scope, LocalDate today) {
        if (scope.everything()) {
            return;
        }
        Filter ofSeries = new Filter();
        SessionsAccess.limitToSeriesRead(ofSeries, scope);
        ofSeries.parameters().map().forEach((name, value) -> filter.parameters().and(name, value));
        if (scope.researcher()) {
            filter.where("(" + ofSeries.query() + " or " + RESEARCH_CONSENTED + ")");
            filter.parameters().and("today", today);
        } else {
            filter.where(ofSeries.query());
        }
    }

    /** The page's views with their withdrawals; notes only where the caller reads the series; the read audited. */
    private Uni<List<ParticipantView>> views(Caller caller, Scope scope, List<Participant> page, LocalDate today) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = page.stream().map(p -> p.id).toList();
        return withdrawals.of(ids).chain(all -> seriesRead(scope, page).map(readable -> {
                    Map<UUID, List<ConsentWithdrawal>> byParticipant = all.stream()
                            .collect(Collectors.groupingBy(w -> w.participantId));
                    return page.stream().map(p -> ParticipantMapper.toView(p, byParticipant.getOrDefault(p.id, List.of()),
                            today, readable.contains(p.seriesId))).toList();
                }))
                .call(views -> {
                    Set<UUID> seriesIds = page.stream().map(p -> p.seriesId).collect(Collectors.toSet());
                    return audit.record(caller, AuditAction.READ, ids,
                            seriesIds.size() == 1 ? seriesIds.iterator().next() : null, "participants");
                });
    }

    /**
     * Of these participants' series, those the caller reads as more than a researcher. Only a researcher's list may
     * hold others: anyone else's list is limited to the series it reads.
     */
    private Uni<Set<UUID>> seriesRead(Scope scope, List<Participant> page) {
        if (scope.everything() || !scope.researcher()) {
            return Uni.createFrom().item(page.stream().map(p -> p.seriesId).collect(Collectors.toSet()));
        }
        Filter filter = new Filter().where("pa.id in :ids", "ids", page.stream().map(p -> p.id).toList());
        SessionsAccess.limitToSeriesRead(filter, scope);
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery("select distinct pa.seriesId from Participant pa where "
                    + filter.query(), UUID.class);
            filter.parameters().map().forEach(query::setParameter);
            return query.getResultList();
        }).map(HashSet::new);
    }

    /** The series a person may be enrolled in: known here (422), run by the caller's pair (403), not cancelled (422). */
    private Uni<SeriesCopy> enrollableSeries(Scope scope, UUID seriesId) {
        return series.findById(seriesId)
                .onItem().ifNull().failWith(() -> new RuleViolationException("seriesId", "referenced-exists",
                        "no such series is known to sessions: scheduling has not published it"))
                .call(found -> runs(scope, found.id).invoke(SessionsAccess::require))
                .invoke(found -> {
                    if (found.isCancelled()) {
                        throw new RuleViolationException("seriesId", "series-not-cancelled",
                                "the series was cancelled in scheduling; nobody can be enrolled in it");
                    }
                });
    }

    /** Consent given by today (Helsinki), to taking part at least. Both broken rules answered at once. */
    private static void checkConsent(ConsentRequest consent) {
        List<Violation> violations = new ArrayList<>();
        LocalDate today = today();
        if (consent.givenOn().isAfter(today)) {
            violations.add(new Violation("consent.givenOn", "not-in-future",
                    "must not be in the future (today is " + today + " in Helsinki); enrol once consent is given"));
        }
        if (!consent.covers().contains(ConsentPurpose.PARTICIPATION)) {
            violations.add(new Violation("consent.covers", "covers-participation",
                    "consent to take part (PARTICIPATION) is needed to enrol"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /**
     * A withdrawal from a date between the consent's and today, of purposes the consent covered and still covers.
     * Naming only purposes withdrawn already is a repeat: 409 {@code already-withdrawn}.
     */
    private static void checkWithdrawal(Participant p, List<ConsentWithdrawal> before, WithdrawalRequest request,
                                        LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (request.withdrawnFrom().isAfter(today)) {
            violations.add(new Violation("withdrawnFrom", "not-in-future", "must not be in the future (today is "
                    + today + " in Helsinki); a withdrawal counts from when the person said it"));
        } else if (request.withdrawnFrom().isBefore(p.consentGivenOn)) {
            violations.add(new Violation("withdrawnFrom", "not-before-consent", "must not be before the consent was given, "
                    + p.consentGivenOn));
        }
        Set<ConsentPurpose> given = EnumSet.copyOf(ParticipantMapper.purposes(p.consentCovers));
        Map<ConsentPurpose, LocalDate> withdrawnFrom = new EnumMap<>(ConsentPurpose.class);
        for (ConsentWithdrawal w : before) {
            for (ConsentPurpose purpose : ParticipantMapper.purposes(w.covers)) {
                withdrawnFrom.merge(purpose, w.withdrawnFrom, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<ConsentPurpose> named = request.covers().stream().sorted().toList();
        List<ConsentPurpose> neverGiven = named.stream().filter(purpose -> !given.contains(purpose)).toList();
        List<ConsentPurpose> already = named.stream().filter(withdrawnFrom::containsKey).toList();
        if (!neverGiven.isEmpty()) {
            violations.add(new Violation("covers", "covered-by-consent", "the consent never covered " + list(neverGiven)
                    + "; it covers " + list(ParticipantMapper.purposes(p.consentCovers))));
        } else if (!already.isEmpty() && already.size() < named.size()) {
            violations.add(new Violation("covers", "still-covered", describe(already, withdrawnFrom)
                    + "; name only what the consent still covers"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (!already.isEmpty()) {
            throw new ConflictException("already-withdrawn", describe(already, withdrawnFrom));
        }
    }

    private static String describe(List<ConsentPurpose> already, Map<ConsentPurpose, LocalDate> withdrawnFrom) {
        return already.stream().map(purpose -> purpose + " was withdrawn from " + withdrawnFrom.get(purpose))
                .collect(Collectors.joining(", "));
    }

    private static String list(Collection<ConsentPurpose> purposes) {
        return purposes.stream().map(ConsentPurpose::name).collect(Collectors.joining(", "));
    }

    /** Reads the series: coordinator, its pair, the org-admin of its site. */
    private Uni<Boolean> reads(Scope scope, UUID seriesId) {
        if (scope.everything()) {
            return Uni.createFrom().item(true);
        }
        return parties(seriesId).map(parties -> parties != null && scope.reads(parties.pair(), parties.site()));
    }

    /** Runs the series: coordinator or its pair. */
    private Uni<Boolean> runs(Scope scope, UUID seriesId) {
        if (scope.everything()) {
            return Uni.createFrom().item(true);
        }
        return parties(seriesId).map(parties -> parties != null && scope.runs(parties.pair()));
    }

    private Uni<SeriesParties> parties(UUID seriesId) {
        return series.findById(seriesId).chain(found -> found == null ? Uni.createFrom().nullItem() : access.partiesOf(found));
    }

    private Uni<Participant> load(UUID id, LockModeType lock) {
        return participants.findById(id, lock).onItem().ifNull().failWith(() -> notFound("participant", id));
    }

    /** The failure of an insert whose code another participant got first (SessionsConstraints' "code" "unique"). */
    static boolean isCodeClash(Throwable failure) {
        return failure instanceof RuleViolationException violation && violation.violations().stream()
                .anyMatch(v -> "code".equals(v.field()) && "unique".equals(v.rule()));
    }

    static LocalDate today() {
        return LocalDate.now(HELSINKI);
    }
}
