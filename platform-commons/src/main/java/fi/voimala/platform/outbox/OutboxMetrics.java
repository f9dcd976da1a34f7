package fi.voimala.platform.outbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * Exposes the outbox on /q/metrics: {@code voimala_outbox_unpublished}, the backlog (a growing one is the visible sign
 * that Kafka is unreachable, since recording events keeps working during an outage), {@code voimala_outbox_parked},
 * events set aside after failing {@code voimala.outbox.max-attempts} times, which wait for an operator, and
 * {@code voimala_outbox_relay_runs_total}, the relay's runs (notified and ticked; a burst of commits shares runs).
 */
@Startup
@Singleton
public class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, OutboxRelay relay) {
        Gauge.builder("voimala.outbox.unpublished", relay, OutboxRelay::unpublished)
                .description("Outbox events not yet acknowledged by Kafka (parked ones included), as counted by the"
                        + " last relay run")
                .register(registry);
        Gauge.builder("voimala.outbox.parked", relay, OutboxRelay::parked)
                .description("Outbox events parked after repeated failures; release them with ./voimala outbox")
                .register(registry);
        FunctionCounter.builder("voimala.outbox.relay.runs", relay, OutboxRelay::runs)
                .description("Runs of the outbox relay in this instance, after commits and on its fallback tick")
                .register(registry);
    }
}
