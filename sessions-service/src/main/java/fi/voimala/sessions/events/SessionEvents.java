package fi.voimala.sessions.events;

import fi.voimala.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * What sessions tells the rest of the platform, on {@code session-events}: participants (enrolled, changed, consent
 * withdrawn, erased) and session records (recorded, corrected). Each goes into the outbox in the transaction of the
 * change it reports; key and subject: the participant's or the record's id. Types with examples: docs/events.md.
 */
@ApplicationScoped
public class SessionEvents {

    public static final String TOPIC = "session-events";
    public static final String TYPE_PREFIX = "fi.voimala.session.";

    public static final String PARTICIPANT_ENROLLED = "participant.enrolled";
    public static final String PARTICIPANT_CHANGED = "participant.changed";
    public static final String CONSENT_WITHDRAWN = "participant.consent-withdrawn";
    public static final String PARTICIPANT_ERASED = "participant.erased";
    public static final String RECORD_RECORDED = "record.recorded";
    public static final String RECORD_CORRECTED = "record.corrected";

    @Inject
    Outbox outbox;

    /** Records {@code fi.voimala.session.<happened>.v1} about aggregate {@code id}. */
    public Uni<Void> record(String happened, UUID id, Object data) {
        return outbox.record(TOPIC, type(happened), id.toString(), data).replaceWithVoid();
    }

    public static String type(String happened) {
        return TYPE_PREFIX + happened + ".v1";
    }
}
