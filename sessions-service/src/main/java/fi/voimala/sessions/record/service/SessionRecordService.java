package fi.voimala.sessions.record.service;

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
import fi.voimala.sessions.audit.AuditAction;
import fi.voimala.sessions.audit.service.AuditLog;
import fi.voimala.sessions.events.SessionEvents;
import fi.voimala.sessions.participant.Consent;
import fi.voimala.sessions.participant.ConsentPurpose;
import fi.voimala.sessions.participant.ConsentWithdrawal;
import fi.voimala.sessions.participant.Participant;
import fi.voimala.sessions.participant.ParticipantCode;
import fi.voimala.sessions.participant.repository.ParticipantRepository;
import fi.voimala.sessions.partner.ProfessionalCopy;
import fi.voimala.sessions.partner.repository.ProfessionalCopyRepository;
import fi.voimala.sessions.partner.repository.SiteCopyRepository;
import fi.voimala.sessions.persistence.SessionsConstraints;
import fi.voimala.sessions.record.Attendance;
import fi.voimala.sessions.record.SessionRecord;
import fi.voimala.sessions.record.SessionRecordChange;
import fi.voimala.sessions.record.StaffPresence;
import fi.voimala.sessions.record.api.SessionRecordApi.Content;
import fi.voimala.sessions.record.api.SessionRecordApi.NewSessionRecord;
import fi.voimala.sessions.record.api.SessionRecordApi.SessionRecordChangeView;
import fi.voimala.sessions.record.api.SessionRecordApi.SessionRecordCorrection;
import fi.voimala.sessions.record.api.SessionRecordApi.SessionRecordView;
import fi.voimala.sessions.record.api.SessionRecordApi.StaffCandidate;
import fi.voimala.sessions.record.mapping.SessionRecordMapper;
import fi.voimala.sessions.record.repository.AttendanceRepository;
import fi.voimala.sessions.record.repository.SessionRecordChangeRepository;
import fi.voimala.sessions.record.repository.SessionRecordRepository;
import fi.voimala.sessions.record.repository.StaffPresenceRepository;
import fi.voimala.sessions.schedule.VisitCopy;
import fi.voimala.sessions.schedule.repository.SeriesCopyRepository;
import fi.voimala.sessions.schedule.repository.VisitCopyRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Session records: the visit's pair (or a coordinator) records what happened at a visit once, and corrects it within
 * the correction window, each correction kept with who, when and what; those who read the series read its records.
 * Every write and every read that shows participants is in the audit log, in the same transaction.
 */
@ApplicationScoped
public class SessionRecordService {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    /** A session's time: when it started, or for one not held, when its visit was to start. */
    static final String SESSION_TIME = "coalesce(r.startedAt, (select v.startsAt from VisitCopy v where v.id = r.visitId))";
    public static final Map<String, String> SORTABLE = Map.of("startedAt", SESSION_TIME, "recordedAt", "r.recordedAt");
    /** The longest a session can last: a working day. */
    static final Duration LONGEST = Duration.ofHours(8);
    static final String ONE_PER_VISIT = "session_record_one_per_visit";
    private static final DateTimeFormatter DESCRIBED = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ENGLISH);

    @Inject
    SessionRecordRepository records;
    @Inject
    AttendanceRepository attendance;
    @Inject
    StaffPresenceRepository staffPresence;
    @Inject
    SessionRecordChangeRepository history;
    @Inject
    VisitCopyRepository visits;
    @Inject
    SeriesCopyRepository series;
    @Inject
    ParticipantRepository participants;
    @Inject
    ProfessionalCopyRepository professionals;
    @Inject
    SiteCopyRepository sites;
    @Inject
    SessionsAccess access;
    @Inject
    SessionEvents events;
    @Inject
    AuditLog audit;
    @ConfigProperty(name = "voimala.sessions.correction-window")
    Duration correctionWindow;

    public record Criteria(UUID seriesId, UUID visitId, LocalDate from, LocalDate to, Boolean held) {
    }

    /** Who the request names as present, found and checked: participants and staff in the request's order. */
    record Present(List<Participant> participants, List<ProfessionalCopy> staff) {

        List<UUID> participantIds() {
            return participants.stream().map(p -> p.id).toList();
        }

        List<UUID> staffIds() {
            return staff.stream().map(s -> s.id).toList();
        }
    }

    /**
     * The first record of a visit. A second is 409 {@code already-recorded} naming the first, whether it comes later or
     * at the same moment: the unique constraint refuses it at the insert, and it is answered after its rollback, from a
     * fresh session.
     */
    public Uni<SessionRecordView> record(Caller caller, NewSessionRecord request) {
        return Panache.withTransaction(() -> access.scopeOf(caller)
                        .chain(scope -> recordableVisit(scope, request.visitId()))
                        // No look for an earlier record first: the unique constraint finds it at the insert, once.
                        .chain(visit -> present(visit, request).chain(present -> create(caller, visit, request, present)))
                        .onFailure().transform(SessionsConstraints::translate))
                .onFailure(failure -> failure instanceof ConflictException conflict && ONE_PER_VISIT.equals(conflict.rule()))
                .recoverWithUni(() -> Panache.withSession(() -> records.findByVisit(request.visitId()))
                        .map(existing -> {
                            throw alreadyRecorded(existing.id);
                        }));
    }

    private Uni<SessionRecordView> create(Caller caller, VisitCopy visit, NewSessionRecord request, Present present) {
        SessionRecord r = new SessionRecord();
        r.id = UUID.randomUUID();
        r.visitId = visit.id;
        r.seriesId = visit.seriesId;
        r.siteId = visit.siteId;
        r.pairId = visit.pairId;
        SessionRecordMapper.apply(r, request);
        r.recordedAt = Instant.now();
        r.recordedBy = AuditLog.actorOf(caller);
        r.correctableUntil = r.recordedAt.plus(correctionWindow);
        r.updatedAt = r.recordedAt;
        return records.persist(r)
                .call(() -> persistAll(present.participants().stream().map(p -> new Attendance(r.id, p.id)).toList()))
                .call(() -> persistAll(present.staff().stream().map(s -> new StaffPresence(r.id, s.id)).toList()))
                .call(() -> records.flush())
                .call(() -> events.record(SessionEvents.RECORD_RECORDED, r.id,
                        SessionRecordMapper.toEventData(r, present.participantIds(), present.staffIds())))
                .call(() -> audit.record(caller, AuditAction.RECORD_SESSION, present.participantIds(), r.seriesId,
                        "session record " + r.id + " of visit " + r.visitId))
                .map(saved -> SessionRecordMapper.toView(r, present.participants(), present.staff()));
    }

    /**
     * Replaces a record's content while the correction window is open. The record's row is locked first, so that
     * concurrent corrections take turns and the later one meets a stale version. A correction that changes nothing
     * writes nothing (no history, no version, no event).
     */
    @WithTransaction
    public Uni<SessionRecordView> correct(Caller caller, UUID id, SessionRecordCorrection request) {
        return access.scopeOf(caller).chain(scope -> records.findById(id, LockModeType.PESSIMISTIC_WRITE)
                        .onItem().ifNull().failWith(() -> notFound("session record", id))
                        .chain(r -> visits.findById(r.visitId)
                                .onItem().ifNull().failWith(() -> new IllegalStateException("the visit " + r.visitId
                                        + " of session record " + r.id + " is not in the copy of the schedule"))
                                .invoke(visit -> {
                                    SessionsAccess.require(scope.everything() || visit.isRunBy(scope.professionalId()));
                                    if (Instant.now().isAfter(r.correctableUntil)) {
                                        throw new ConflictException("correction-window-closed", "corrections were accepted until "
                                                + describe(r.correctableUntil) + " (" + correctionWindow.toDays()
                                                + " days after recording); the record is final");
                                    }
                                    StoreErrors.requireVersion(request.version(), r.version);
                                })
                                .chain(visit -> present(visit, request))
                                .chain(present -> presence(List.of(r)).chain(before -> apply(caller, r, request,
                                        before.participants(r.id), before.staff(r.id), present)))))
                .onFailure().transform(SessionsConstraints::translate);
    }

    private Uni<SessionRecordView> apply(Caller caller, SessionRecord r, SessionRecordCorrection request,
                                         List<UUID> participantsBefore, List<UUID> staffBefore, Present present) {
        // The request written onto a scratch copy first: an unchanged record must not even look dirty to Hibernate.
        SessionRecord corrected = new SessionRecord();
        SessionRecordMapper.apply(corrected, request);
        Map<String, Map<String, Object>> changes = SessionRecordMapper.changes(
                SessionRecordMapper.snapshot(r, participantsBefore, staffBefore),
                SessionRecordMapper.snapshot(corrected, present.participantIds(), present.staffIds()));
        if (changes.isEmpty()) {
            return audit.record(caller, AuditAction.READ, present.participantIds(), r.seriesId,
                            "session record " + r.id + " (a correction that changed nothing)")
                    .map(nothing -> SessionRecordMapper.toView(r, present.participants(), present.staff()));
        }
        Set<UUID> removedParticipants = minus(participantsBefore, present.participantIds());
        Set<UUID> addedParticipants = minus(present.participantIds(), participantsBefore);
        Set<UUID> removedStaff = minus(staffBefore, present.staffIds());
        Set<UUID> addedStaff = minus(present.staffIds(), staffBefore);
        SessionRecordMapper.apply(r, request);
        r.updatedAt = Instant.now(); // also makes a change of attendance alone raise the record's version
        Set<UUID> concerned = new LinkedHashSet<>(participantsBefore);
        concerned.addAll(present.participantIds());
        return attendance.remove(r.id, removedParticipants)
                .call(() -> staffPresence.remove(r.id, removedStaff))
                .call(() -> persistAll(addedParticipants.stream().map(p -> new Attendance(r.id, p)).toList()))
                .call(() -> persistAll(addedStaff.stream().map(s -> new StaffPresence(r.id, s)).toList()))
                .call(() -> records.flush())
                .call(() -> {
                    SessionRecordChange change = new SessionRecordChange();
                    change.id = UUID.randomUUID();
                    change.sessionRecordId = r.id;
                    change.version = r.version;
                    change.changedAt = r.updatedAt;
                    change.changedBy = AuditLog.actorOf(caller);
                    change.changedByOrganisation = caller.organization().orElse(null);
                    change.changes = SessionRecordMapper.json(changes);
                    return history.persist(change);
                })
                .call(() -> events.record(SessionEvents.RECORD_CORRECTED, r.id,
                        SessionRecordMapper.toEventData(r, present.participantIds(), present.staffIds())))
                .call(() -> audit.record(caller, AuditAction.CORRECT_SESSION, concerned, r.seriesId,
                        "session record " + r.id + ", version " + r.version + ": " + String.join(", ", changes.keySet())))
                .map(done -> SessionRecordMapper.toView(r, present.participants(), present.staff()));
    }

    /** One record, for those who read its series (a read of its participants is audited). */
    @WithTransaction
    public Uni<SessionRecordView> get(Caller caller, UUID id) {
        return access.scopeOf(caller).chain(scope -> load(id).call(r -> requireReads(scope, r))
                .chain(r -> views(caller, List.of(r), "session record " + r.id)).map(views -> views.get(0)));
    }

    /** A record's corrections, oldest first. */
    @WithTransaction
    public Uni<List<SessionRecordChangeView>> history(Caller caller, UUID id) {
        return access.scopeOf(caller).chain(scope -> load(id).call(r -> requireReads(scope, r))
                .chain(r -> history.of(r.id).call(changes -> {
                    List<UUID> named = changes.stream().flatMap(c -> SessionRecordMapper.participantsNamed(c).stream())
                            .distinct().toList();
                    return named.isEmpty() ? Uni.createFrom().voidItem()
                            : audit.record(caller, AuditAction.READ, named, r.seriesId, "history of session record " + r.id);
                }))
                .map(changes -> changes.stream().map(SessionRecordMapper::toChangeView).toList()));
    }

    /** The records of the series the caller reads, filtered in the query itself. */
    @WithTransaction
    public Uni<Page<SessionRecordView>> list(Caller caller, Criteria criteria, PageRequest page) {
        if (criteria.from() != null && criteria.to() != null && criteria.to().isBefore(criteria.from())) {
            throw new RuleViolationException("to", "after-from", "must not be before from");
        }
        // The page and its count in one snapshot, in the transaction that also writes the read's audit entry.
        return Page.oneSnapshotForThisTransaction().chain(() -> access.scopeOf(caller)).chain(scope -> {
            Filter filter = new Filter()
                    .where("r.seriesId = :series", "series", criteria.seriesId())
                    .where("r.visitId = :visit", "visit", criteria.visitId())
                    .where("r.held = :held", "held", criteria.held())
                    .where(SESSION_TIME + " >= :from", "from", startOfDay(criteria.from()))
                    .where(SESSION_TIME + " < :to", "to", criteria.to() == null ? null : startOfDay(criteria.to().plusDays(1)));
            SessionsAccess.limitToSeriesRead(filter, scope);
            Sort.Direction direction = page.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
            Sort sort = Sort.by(page.sortField(), direction).and("r.id").disableEscaping();
            return Page.fetch(records.find("from SessionRecord r where " + filter.query(), sort, filter.parameters()),
                    page, r -> r);
        }).chain(found -> views(caller, found.items(), "session records").map(found::withItems));
    }

    /**
     * Who may be named as care staff present at a visit: the professionals of the register who belong to the
     * organisation of the visit's site (its care staff), not the visit's pair, by name. For those who may record the
     * visit (its pair, a coordinator), so that the form offers names instead of ids.
     */
    @WithSession
    public Uni<List<StaffCandidate>> staffCandidates(Caller caller, UUID visitId) {
        return access.scopeOf(caller).chain(scope -> visits.findById(visitId)
                .onItem().ifNull().failWith(() -> notFound("visit", visitId))
                .invoke(visit -> SessionsAccess.require(scope.everything() || visit.isRunBy(scope.professionalId())))
                .chain(visit -> sites.findById(visit.siteId).chain(site -> site == null
                                ? Uni.createFrom().item(List.<ProfessionalCopy>of())
                                : professionals.list("organisationId = ?1", Sort.by("lastName").and("firstName"), site.organisationId))
                        .map(found -> found.stream().filter(p -> !visit.isRunBy(p.id))
                                .map(p -> new StaffCandidate(p.id, p.displayName(), p.field)).toList())));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The visit a session may be recorded for: known here, the caller's pair's (403), not cancelled, started. */
    private Uni<VisitCopy> recordableVisit(Scope scope, UUID visitId) {
        return visits.findById(visitId)
                .onItem().ifNull().failWith(() -> new RuleViolationException("visitId", "visit-known",
                        "no such visit is known to sessions: scheduling has not published it"))
                .invoke(visit -> {
                    SessionsAccess.require(scope.everything() || visit.isRunBy(scope.professionalId()));
                    if (visit.isCancelled()) {
                        throw new RuleViolationException("visitId", "visit-not-cancelled", "the visit of "
                                + describe(visit.startsAt) + " was cancelled in scheduling; a cancelled visit has no session to record");
                    }
                    if (visit.startsAt.isAfter(Instant.now())) {
                        throw new RuleViolationException("visitId", "visit-started", "the visit starts at "
                                + describe(visit.startsAt) + "; record it afterwards");
                    }
                });
    }

    /**
     * Checks a record's content against its visit and finds who it names: times on the visit's date, a reason when not
     * held (and nobody present), each typed code a real code, enrolled in the visit's series, with consent to take
     * part on the visit's date, once; each staff member a professional of the register, not of the pair, once. Every
     * broken rule is answered at once, each naming its field.
     */
    private Uni<Present> present(VisitCopy visit, Content c) {
        List<Violation> violations = new ArrayList<>();
        LocalDate date = localDate(visit.startsAt);
        List<String> typed = c.participantCodes() == null ? List.of() : c.participantCodes();
        List<UUID> staffIds = c.staffProfessionalIds() == null ? List.of() : c.staffProfessionalIds();
        if (c.held()) {
            checkTimes(c, date, violations);
            if (c.notHeldReason() != null && !c.notHeldReason().isBlank()) {
                violations.add(new Violation("notHeldReason", "only-when-not-held",
                        "a held session has no reason for not being held; leave it out"));
            }
        } else {
            checkNotHeld(c, typed, staffIds, violations);
            if (!violations.isEmpty()) {
                return Uni.createFrom().failure(new RuleViolationException(violations));
            }
        }
        // Each typed code read as a code; the first of two equal ones counts, the second is named.
        Map<String, Integer> firstIndexOf = new HashMap<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            String field = "participantCodes[" + i + "]";
            try {
                String code = ParticipantCode.parse(typed.get(i)).value();
                Integer first = firstIndexOf.putIfAbsent(code, i);
                if (first != null) {
                    violations.add(new Violation(field, "no-duplicates", "the code " + typed.get(i).strip()
                            + " is already at participantCodes[" + first + "]"));
                    codes.add(null);
                } else {
                    codes.add(code);
                }
            } catch (ParticipantCode.Invalid invalid) {
                violations.add(new Violation(field, invalid.rule(), invalid.getMessage()));
                codes.add(null);
            }
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < staffIds.size(); i++) {
            UUID staff = staffIds.get(i);
            String field = "staffProfessionalIds[" + i + "]";
            if (!seen.add(staff)) {
                violations.add(new Violation(field, "no-duplicates", "this professional is already in the list"));
            } else if (visit.isRunBy(staff)) {
                violations.add(new Violation(field, "not-the-pair",
                        "this is one of the visit's pair, who run the session; care staff are the others who took part"));
            }
        }
        List<String> validCodes = codes.stream().filter(code -> code != null).toList();
        // The participants and their withdrawals in one query: a record's every round trip counts under load.
        return participants.inSeriesByCodesWithWithdrawals(visit.seriesId, validCodes).chain(read -> {
                    List<Participant> found = read.participants();
                    List<ConsentWithdrawal> withdrawn = read.withdrawals();
                    return professionals.byIds(staffIds).map(staffFound -> {
                            Map<String, Participant> byCode = found.stream()
                                    .collect(Collectors.toMap(p -> p.code, Function.identity()));
                            List<Participant> present = new ArrayList<>();
                            for (int i = 0; i < codes.size(); i++) {
                                String code = codes.get(i);
                                if (code == null) {
                                    continue;
                                }
                                Participant participant = byCode.get(code);
                                String field = "participantCodes[" + i + "]";
                                String shown = new ParticipantCode(code).toString();
                                if (participant == null) {
                                    violations.add(new Violation(field, "enrolled-in-series", "no participant with the code "
                                            + shown + " is enrolled in this visit's series"));
                                } else if (!Consent.covers(participant, withdrawn, ConsentPurpose.PARTICIPATION, date)) {
                                    violations.add(new Violation(field, "consent-withdrawn", "the participant " + shown
                                            + " has withdrawn consent to take part by " + date + "; they cannot be marked present"));
                                } else {
                                    present.add(participant);
                                }
                            }
                            List<ProfessionalCopy> staff = new ArrayList<>();
                            for (int i = 0; i < staffIds.size(); i++) {
                                ProfessionalCopy professional = staffFound.get(staffIds.get(i));
                                if (professional == null) {
                                    violations.add(new Violation("staffProfessionalIds[" + i + "]", "referenced-exists",
                                            "no such professional is known to sessions"));
                                } else if (!staff.contains(professional) && !visit.isRunBy(professional.id)) {
                                    staff.add(professional);
                                }
                            }
                            if (!violations.isEmpty()) {
                                throw new RuleViolationException(violations);
                            }
                            return new Present(present, staff);
                        });
                });
    }

    private static void checkTimes(Content c, LocalDate date, List<Violation> violations) {
        Instant started = c.startedAt();
        Instant ended = c.endedAt();
        if (started == null) {
            violations.add(new Violation("startedAt", "required-when-held", "a held session needs its actual start"));
        } else if (!localDate(started).equals(date)) {
            violations.add(new Violation("startedAt", "on-visit-date", "must be on the visit's date, " + date + " (Helsinki)"));
        }
        if (ended == null) {
            violations.add(new Violation("endedAt", "required-when-held", "a held session needs its actual end"));
            return;
        }
        if (!localDate(ended).equals(date)) {
            violations.add(new Violation("endedAt", "on-visit-date", "must be on the visit's date, " + date + " (Helsinki)"));
        }
        if (ended.isAfter(Instant.now())) {
            violations.add(new Violation("endedAt", "not-in-future", "must not be in the future; record the session once it has ended"));
        }
        if (started != null && !ended.isAfter(started)) {
            violations.add(new Violation("endedAt", "after-start", "must be after startedAt"));
        } else if (started != null && Duration.between(started, ended).compareTo(LONGEST) > 0) {
            violations.add(new Violation("endedAt", "at-most-8-hours", "a session lasts at most 8 hours; check the times"));
        }
    }

    /** A session that was not held has a reason, and nobody present and no times. */
    private static void checkNotHeld(Content c, List<String> typed, List<UUID> staffIds, List<Violation> violations) {
        if (c.notHeldReason() == null || c.notHeldReason().isBlank()) {
            violations.add(new Violation("notHeldReason", "required-when-not-held", "say why the session was not held"));
        }
        String none = "a session that was not held has none; leave it out";
        if (c.startedAt() != null) {
            violations.add(new Violation("startedAt", "only-when-held", none));
        }
        if (c.endedAt() != null) {
            violations.add(new Violation("endedAt", "only-when-held", none));
        }
        if (!typed.isEmpty()) {
            violations.add(new Violation("participantCodes", "only-when-held", none));
        }
        if (c.extraAttendees() != null && c.extraAttendees() > 0) {
            violations.add(new Violation("extraAttendees", "only-when-held", none));
        }
        if (!staffIds.isEmpty()) {
            violations.add(new Violation("staffProfessionalIds", "only-when-held", none));
        }
        if (c.otherStaffCount() != null && c.otherStaffCount() > 0) {
            violations.add(new Violation("otherStaffCount", "only-when-held", none));
        }
    }

    /** Who was present at these records, by record. */
    record Presence(Map<UUID, List<UUID>> participantsByRecord, Map<UUID, List<UUID>> staffByRecord) {

        List<UUID> participants(UUID recordId) {
            return participantsByRecord.getOrDefault(recordId, List.of());
        }

        List<UUID> staff(UUID recordId) {
            return staffByRecord.getOrDefault(recordId, List.of());
        }
    }

    private Uni<Presence> presence(List<SessionRecord> list) {
        List<UUID> ids = list.stream().map(r -> r.id).toList();
        return attendance.participantsOf(ids).chain(byRecord -> staffPresence.staffOf(ids)
                .map(staffByRecord -> new Presence(byRecord, staffByRecord)));
    }

    /** The views of these records with their participants' codes and staff names; the participants shown audited. */
    private Uni<List<SessionRecordView>> views(Caller caller, List<SessionRecord> list, String detail) {
        return presence(list).chain(presence -> {
            List<UUID> participantIds = list.stream().flatMap(r -> presence.participants(r.id).stream()).distinct().toList();
            List<UUID> staffIds = list.stream().flatMap(r -> presence.staff(r.id).stream()).distinct().toList();
            return participants.byIds(participantIds).chain(found -> professionals.byIds(staffIds).map(staff -> {
                Map<UUID, Participant> participantById = found.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
                return list.stream().map(r -> SessionRecordMapper.toView(r,
                        presence.participants(r.id).stream().map(participantById::get).toList(),
                        presence.staff(r.id).stream().map(staff::get).filter(s -> s != null).toList())).toList();
            })).call(views -> {
                if (participantIds.isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                Set<UUID> seriesIds = list.stream().map(r -> r.seriesId).collect(Collectors.toSet());
                return audit.record(caller, AuditAction.READ, participantIds,
                        seriesIds.size() == 1 ? seriesIds.iterator().next() : null, detail);
            });
        });
    }

    /** Reads the record's series: coordinator, the series' pair, the org-admin of its site (403 otherwise). */
    private Uni<Void> requireReads(Scope scope, SessionRecord r) {
        if (scope.everything()) {
            return Uni.createFrom().voidItem();
        }
        return series.findById(r.seriesId).chain(found -> found == null ? Uni.createFrom().item(false)
                        : access.partiesOf(found).map(parties -> scope.reads(parties.pair(), parties.site())))
                .invoke(SessionsAccess::require).replaceWithVoid();
    }

    /** Panache's persist of a collection fails on an empty one (an empty Uni.join). */
    private static Uni<Void> persistAll(List<?> entities) {
        return entities.isEmpty() ? Uni.createFrom().voidItem() : Panache.getSession().chain(session -> session.persistAll(entities.toArray()));
    }

    private Uni<SessionRecord> load(UUID id) {
        return records.findById(id).onItem().ifNull().failWith(() -> notFound("session record", id));
    }

    private static ConflictException alreadyRecorded(UUID existing) {
        return new ConflictException("already-recorded", "the visit's session is already recorded as " + existing
                + "; correct that record instead");
    }

    private static Set<UUID> minus(Collection<UUID> all, Collection<UUID> without) {
        Set<UUID> left = new LinkedHashSet<>(all);
        left.removeAll(without);
        return left;
    }

    static LocalDate localDate(Instant instant) {
        return instant.atZone(HELSINKI).toLocalDate();
    }

    static Instant startOfDay(LocalDate date) {
        return date == null ? null : date.atStartOfDay(HELSINKI).toInstant();
    }

    /** An instant as people read it in messages: "Tue 2027-03-30 13:00 (Helsinki)". */
    static String describe(Instant instant) {
        return DESCRIBED.format(instant.atZone(HELSINKI)) + " (Helsinki)";
    }
}
