package fi.voimala.scheduling.events;

import fi.voimala.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * What scheduling tells the rest of the platform: activity group, series and visit events on {@code visit-events},
 * and hospital wards' availability, which its HTTP door puts onto {@code ward-availability}. Each goes into the
 * outbox in the transaction of the change it reports. Types are documented with examples in docs/events.md.
 */
@ApplicationScoped
public class SchedulingEvents {

    public static final String VISIT_TOPIC = "visit-events";
    public static final String WARD_AVAILABILITY_TOPIC = "ward-availability";
    public static final String TYPE_PREFIX = "fi.voimala.scheduling.";

    public static final String GROUP_CREATED = "group.created";
    public static final String GROUP_CHANGED = "group.changed";
    public static final String SERIES_PLANNED = "series.planned";
    public static final String SERIES_CHANGED = "series.changed";
    public static final String SERIES_PAUSED = "series.paused";
    public static final String SERIES_RESUMED = "series.resumed";
    public static final String SERIES_CANCELLED = "series.cancelled";
    public static final String VISIT_SCHEDULED = "visit.scheduled";
    public static final String VISIT_MOVED = "visit.moved";
    public static final String VISIT_CANCELLED = "visit.cancelled";
    public static final String VISIT_HELD = "visit.held";
    public static final String VISIT_MISSED = "visit.missed";
    /** A hospital's statement that a ward can or cannot host group activity (the one type on ward-availability). */
    public static final String WARD_AVAILABILITY_PUBLISHED = "ward-availability.published";

    @Inject
    Outbox outbox;

    /** Records {@code fi.voimala.scheduling.<happened>.v1} on visit-events about aggregate {@code id}. */
    public Uni<Void> record(String happened, UUID id, Object data) {
        return outbox.record(VISIT_TOPIC, type(happened), id.toString(), data).replaceWithVoid();
    }

    /** Puts a ward's availability statement onto ward-availability; key: the ward, so one ward's stay in order. */
    public Uni<UUID> publishWardAvailability(String wardKey, Object data) {
        return outbox.record(WARD_AVAILABILITY_TOPIC, type(WARD_AVAILABILITY_PUBLISHED), wardKey, data).map(event -> event.id);
    }

    public static String type(String happened) {
        return TYPE_PREFIX + happened + ".v1";
    }
}
