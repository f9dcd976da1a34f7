package fi.voimala.outcomes.events;

import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service as deployed: the outbox relay sends to a real Kafka broker (in the test JVM) and the consumers read from
 * it, with their dead-letter topics, instead of the in-memory channels of the fast tests.
 */
public class RealKafkaProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.outgoing.outbox.connector", "smallrye-kafka",
                "mp.messaging.incoming.partner-events.connector", "smallrye-kafka",
                "mp.messaging.incoming.visit-events.connector", "smallrye-kafka",
                "mp.messaging.incoming.session-events.connector", "smallrye-kafka");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaTestBroker.class, Map.of("topics", "outcome-events,partner-events,"
                + "partner-events-dlq,visit-events,visit-events-dlq,session-events,session-events-dlq")));
    }
}
