package fi.voimala.partners.events;

import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service as deployed: the outbox relay sends to a real Kafka broker (in the test JVM) instead of memory. */
public class RealKafkaProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.outgoing.outbox.connector", "smallrye-kafka",
                // Shorter than the platform's defaults, so that sends fail within seconds while the broker is down.
                "mp.messaging.outgoing.outbox.max.block.ms", "3000",
                "mp.messaging.outgoing.outbox.request.timeout.ms", "2000",
                "mp.messaging.outgoing.outbox.delivery.timeout.ms", "5000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaTestBroker.class, Map.of("topics", "partner-events,partner-events-dlq")));
    }
}
