package fi.voimala.sessions.participant.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.platform.security.Caller;
import fi.voimala.sessions.audit.AuditAction;
import fi.voimala.sessions.audit.service.AuditLog;
import fi.voimala.sessions.events.SessionEvents;
import fi.voimala.sessions.participant.Participant;
import fi.voimala.sessions.participant.api.ParticipantApi.ErasureRequest;
import fi.voimala.sessions.participant.mapping.ParticipantMapper;
import fi.voimala.sessions.participant.repository.ParticipantRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Erasure of a participant (a coordinator, with a reason): everything this service holds of them goes, in one
 * transaction, and {@code participant.erased} tells every other service to erase theirs. What is left is the audit
 * entry of the erasure (the reason, the id) and, until relayed, the erased event itself.
 *
 * <ul>
 *   <li>The participant row; the database cascades to their consent withdrawals and attendance.</li>
 *   <li>Their id is taken out of earlier audit entries, their participants and their endpoints (the one update the
 *       audit log's trigger allows), and out of the participant lists of session records' history
 *       ({@code session_record_change.changes}).</li>
 *   <li>Events in the outbox that mention them (their own, published session-record events) are deleted, except
 *       session-record events not yet relayed: other services need those, so only the id is taken out of their
 *       {@code participantIds}.</li>
 *   <li>Their code where people may have typed it in free text (a session's observations, a history's texts, another
 *       participant's note) is replaced by {@value #ERASED}.</li>
 * </ul>
 */
@ApplicationScoped
public class ParticipantErasureService {

    static final String ERASED = "[erased]";

    /**
     * Out of the entries' participants and endpoints (a participant's own paths name their id): the one update the
     * audit log's trigger allows (V2__audit_erasure_endpoint.sql), which also fixes the {@value #ERASED} put in its place.
     */
    static final String FROM_AUDIT_LOG = "update audit_entry set participant_ids = array_remove(participant_ids, cast(:id as uuid)),"
            + " endpoint = replace(endpoint, cast(:id as text), '" + ERASED + "')"
            + " where participant_ids @> array[cast(:id as uuid)]";

    /** Out of each correction's participants (from and to); a list left the same on both sides is no change at all. */
    static final String FROM_HISTORY = """
            update session_record_change c
               set changes = case when s.from_ids = s.to_ids then c.changes - 'participants'
                                  else jsonb_set(jsonb_set(c.changes, array['participants', 'from'], s.from_ids),
                                                 array['participants', 'to'], s.to_ids) end
              from (select id,
                           %s as from_ids,
                           %s as to_ids
                      from session_record_change
                     where changes -> 'participants' -> 'from' @> jsonb_build_array(cast(:id as text))
                        or changes -> 'participants' -> 'to' @> jsonb_build_array(cast(:id as text))) s
             where c.id = s.id""".formatted(without("changes -> 'participants' -> 'from'"),
            without("changes -> 'participants' -> 'to'"));

    /** Session-record events still to be relayed keep their place in the outbox, without the id. */
    static final String FROM_UNSENT_RECORD_EVENTS = """
            update outbox_event
               set payload = jsonb_set(payload, array['participantIds'], %s)
             where type like :recordEvents and published_at is null
               and payload -> 'participantIds' @> jsonb_build_array(cast(:id as text))""".formatted(without("payload -> 'participantIds'"));

    /** Every other event mentioning the participant: their own (subject), and record events already relayed. */
    static final String MENTIONING_EVENTS = """
            delete from outbox_event
             where (subject = cast(:id as text) or strpos(cast(payload as text), cast(:id as text)) > 0 or cast(payload as text) ~* :code)
               and not (type like :recordEvents and published_at is null)""";

    static final List<String> CODE_IN_TEXT = List.of(
            """
            update session_record
               set observations = regexp_replace(observations, :code, :erased, 'gi'),
                   reflection = regexp_replace(reflection, :code, :erased, 'gi'),
                   not_held_reason = regexp_replace(not_held_reason, :code, :erased, 'gi'),
                   methods = array(select regexp_replace(m, :code, :erased, 'gi')
                                     from unnest(methods) with ordinality as u(m, i) order by i)
             where observations ~* :code or reflection ~* :code or not_held_reason ~* :code
                or array_to_string(methods, ' ') ~* :code""",
            """
            update session_record_change set changes = cast(regexp_replace(cast(changes as text), :code, :erased, 'gi') as jsonb)
             where cast(changes as text) ~* :code""",
            """
            update outbox_event set payload = cast(regexp_replace(cast(payload as text), :code, :erased, 'gi') as jsonb)
             where type like :recordEvents and published_at is null and cast(payload as text) ~* :code""",
            "update participant set consent_note = regexp_replace(consent_note, :code, :erased, 'gi') where consent_note ~* :code",
            "update consent_withdrawal set note = regexp_replace(note, :code, :erased, 'gi') where note ~* :code");

    @Inject
    ParticipantRepository participants;
    @Inject
    SessionEvents events;
    @Inject
    AuditLog audit;

    /** Erases the participant; a second erasure finds nobody (404). The row is locked first, so two take turns. */
    @WithTransaction
    public Uni<Void> erase(Caller caller, UUID id, ErasureRequest request) {
        Instant erasedAt = Instant.now();
        return participants.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> notFound("participant", id))
                .chain(p -> {
                    Map<String, Object> ids = Map.of("id", id.toString());
                    Map<String, Object> texts = Map.of("code", codePattern(p.code), "erased", ERASED,
                            "recordEvents", recordEvents());
                    Map<String, Object> mentions = Map.of("id", id.toString(), "code", codePattern(p.code),
                            "recordEvents", recordEvents());
                    UUID seriesId = p.seriesId;
                    return participants.delete(p)
                            .call(() -> participants.flush())
                            .chain(() -> Panache.getSession())
                            .call(session -> execute(session, FROM_AUDIT_LOG, ids))
                            .call(session -> execute(session, FROM_HISTORY, ids))
                            .call(session -> execute(session, FROM_UNSENT_RECORD_EVENTS, mentions))
                            .call(session -> execute(session, MENTIONING_EVENTS, mentions))
                            .call(session -> executeAll(session, CODE_IN_TEXT, texts))
                            // Only now the two traces that stay: the deletes above would have taken them too.
                            .call(() -> audit.record(caller, AuditAction.ERASE, List.of(id), seriesId,
                                    request.reason().strip()))
                            .call(() -> events.record(SessionEvents.PARTICIPANT_ERASED, id,
                                    ParticipantMapper.toErasedEventData(id, seriesId, erasedAt)))
                            .replaceWithVoid();
                });
    }

    /**
     * The code as people may have typed it (any case; its groups run together or apart with a hyphen, a dash or a
     * space), not right after a backslash: in a JSON text that is an escape such as {@code \n}, not a code.
     */
    static String codePattern(String code) {
        String apart = "[-\u2010-\u2015[:space:]]?";
        return "(?<![\\\\])" + code.substring(0, 3) + apart + code.substring(3, 6) + apart + code.substring(6);
    }

    /** {@code array} (a JSON array of text) without the participant's id, in its order; never null. */
    private static String without(String array) {
        return "coalesce((select jsonb_agg(e order by o) from jsonb_array_elements(" + array + ") with ordinality as a(e, o)"
                + " where e <> to_jsonb(cast(:id as text))), cast('[]' as jsonb))";
    }

    private static String recordEvents() {
        return SessionEvents.TYPE_PREFIX + "record.%";
    }

    /** Runs {@code sql} with those of the parameters it names. */
    private static Uni<Integer> execute(Mutiny.Session session, String sql, Map<String, Object> parameters) {
        var statement = session.createNativeQuery(sql);
        parameters.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                statement.setParameter(name, value);
            }
        });
        return statement.executeUpdate();
    }

    private static Uni<Void> executeAll(Mutiny.Session session, List<String> statements, Map<String, Object> parameters) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (String sql : statements) {
            all = all.call(() -> execute(session, sql, parameters));
        }
        return all;
    }
}
