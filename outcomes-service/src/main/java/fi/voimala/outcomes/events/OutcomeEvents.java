package fi.voimala.outcomes.events;

import fi.voimala.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * What outcomes tells the rest of the platform and the dashboards, on {@code outcome-events}: measurements (recorded,
 * corrected, erased with their participant) and each series' outcome after every change. Each goes into the outbox in
 * the transaction of the change it reports; key and subject: the measurement's or the series' id. Types with
 * examples: docs/events.md.
 */
@ApplicationScoped
public class OutcomeEvents {

    public static final String TOPIC = "outcome-events";
    public static final String TYPE_PREFIX = "fi.voimala.outcome.";

    public static final String MEASUREMENT_RECORDED = "measurement.recorded";
    public static final String MEASUREMENT_CORRECTED = "measurement.corrected";
    public static final String MEASUREMENT_ERASED = "measurement.erased";
    public static final String OUTCOME_UPDATED = "series-outcome.updated";

    @Inject
    Outbox outbox;

    /** Records {@code fi.voimala.outcome.<happened>.v1} about aggregate {@code id}. */
    public Uni<Void> record(String happened, UUID id, Object data) {
        return outbox.record(TOPIC, type(happened), id.toString(), data).replaceWithVoid();
    }

    public static String type(String happened) {
        return TYPE_PREFIX + happened + ".v1";
    }
}
