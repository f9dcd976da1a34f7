package fi.voimala.platform.outbox;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox's part of {@code /q/health/ready}: always UP, because a Kafka outage only delays events (requests that
 * record them keep succeeding), so the service must stay ready and in its load balancer meanwhile. Its data says what
 * an operator needs to see: the backlog ({@code unpublished}), the {@code parked} events that wait for a release, and
 * whether the broker answered ({@code brokerReachable}, remembered from the relay's sends and a cheap, cached probe;
 * absent until first known), and whether the relay hears commits ({@code listening}; when false, events leave on the
 * 1-s tick only). SmallRye's own per-channel Kafka readiness checks, which go DOWN during an outage, are
 * switched off in platform-commons' microprofile-config.properties.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements AsyncHealthCheck {

    private final OutboxRelay relay;
    private final KafkaReachability kafka;
    private final OutboxListener listener;

    OutboxHealthCheck(OutboxRelay relay, KafkaReachability kafka, OutboxListener listener) {
        this.relay = relay;
        this.kafka = kafka;
        this.listener = listener;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").up()
                .withData("unpublished", relay.unpublished())
                .withData("parked", relay.parked())
                .withData("listening", listener.listening());
        kafka.lastKnown().ifPresent(state -> response
                .withData("brokerReachable", state.reachable())
                .withData("brokerCheckedAt", state.at().toString()));
        return Uni.createFrom().item(response.build());
    }
}
