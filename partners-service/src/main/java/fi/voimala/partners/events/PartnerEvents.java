package fi.voimala.partners.events;

import fi.voimala.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * What the register tells the rest of the platform, on topic {@code partner-events}: each event goes into the
 * outbox in the transaction of the change it reports. Types are documented with examples in docs/events.md.
 */
@ApplicationScoped
public class PartnerEvents {

    public static final String TOPIC = "partner-events";
    public static final String TYPE_PREFIX = "fi.voimala.partner.";

    public static final String ORGANISATION_JOINED = "organisation.joined";
    public static final String ORGANISATION_UPDATED = "organisation.updated";
    public static final String ORGANISATION_LEFT = "organisation.left";
    public static final String PROFESSIONAL_REGISTERED = "professional.registered";
    public static final String PROFESSIONAL_UPDATED = "professional.updated";
    public static final String PAIR_FORMED = "pair.formed";
    public static final String PAIR_DISSOLVED = "pair.dissolved";
    public static final String SITE_REGISTERED = "site.registered";
    public static final String SITE_UPDATED = "site.updated";
    public static final String SITE_CLOSED = "site.closed";

    @Inject
    Outbox outbox;

    /** Records {@code fi.voimala.partner.<happened>.v1} about aggregate {@code id}, carrying its state. */
    public Uni<Void> record(String happened, UUID id, Object state) {
        return outbox.record(TOPIC, type(happened), id.toString(), state).replaceWithVoid();
    }

    public static String type(String happened) {
        return TYPE_PREFIX + happened + ".v1";
    }
}
