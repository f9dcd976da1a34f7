package fi.voimala.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * Exposes the outbox on /q/metrics: {@code voimala_outbox_unpublished}, the backlog (a growing one is the visible sign
 * that Kafka is unreachable, since recording events keeps working during an outage), and {@code voimala_outbox_parked},
 * events set aside after failing {@code voimala.outbox.max-attempts} times, which wait for an operator.
 */
@Startup
@Singleton
public class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, OutboxRelay relay) {
        Gauge.builder("voimala.outbox.unpublished", relay, OutboxRelay::unpublished)
                .description("Outbox events not yet acknowledged by Kafka (parked ones included), as counted by the"
                        + " last relay tick")
                .register(registry);
        Gauge.builder("voimala.outbox.parked", relay, OutboxRelay::parked)
                .description("Outbox events parked after repeated failures; release them with ./voimala outbox")
                .register(registry);
    }
}
