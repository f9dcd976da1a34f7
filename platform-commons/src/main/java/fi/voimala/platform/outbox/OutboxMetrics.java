package fi.voimala.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * Exposes the outbox backlog as the gauge {@code voimala_outbox_unpublished} on /q/metrics: a growing backlog is the
 * visible sign that Kafka is unreachable, since recording events keeps working during an outage.
 */
@Startup
@Singleton
public class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, OutboxRelay relay) {
        Gauge.builder("voimala.outbox.unpublished", relay, OutboxRelay::unpublished)
                .description("Outbox events not yet acknowledged by Kafka, as counted by the last relay tick")
                .register(registry);
    }
}
