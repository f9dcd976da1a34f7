package fi.voimala.partners.events;

import static fi.voimala.partners.support.Register.as;
import static fi.voimala.platform.testing.KafkaTestBroker.header;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import fi.voimala.partners.support.Register;
import fi.voimala.partners.support.Tokens;
import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Proves the register's events through a real Kafka broker: a new organisation's CloudEvent arrives on
 * partner-events with its ce_ headers and the JSON of docs/events.md; and while the broker is down, changes
 * still succeed, and after it is back every one of their events arrives, each exactly once.
 */
@QuarkusTest
@TestProfile(RealKafkaProfile.class)
class PartnerEventsKafkaTest {

    private static List<ConsumerRecord<String, String>> recordsAbout(Set<String> subjects) {
        return KafkaTestBroker.records(PartnerEvents.TOPIC).stream()
                .filter(r -> subjects.contains(header(r, "ce_subject"))).toList();
    }

    @Test
    void aNewOrganisationsCloudEventArrivesWithItsHeadersAndData() {
        Map<String, Object> body = Register.organisationBody(Register.newAlias());
        String id = as(Tokens.coordinator()).body(body).post("/api/organisations").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).until(() -> recordsAbout(Set.of(id)).size() == 1);
        ConsumerRecord<String, String> record = recordsAbout(Set.of(id)).get(0);
        assertEquals(id, record.key());
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("fi.voimala.partner.organisation.joined.v1", header(record, "ce_type"));
        assertEquals("/voimala/partners-service", header(record, "ce_source"));
        assertEquals(id, header(record, "ce_subject"));
        assertNotNull(OffsetDateTime.parse(header(record, "ce_time")));
        assertEquals(36, header(record, "ce_id").length());
        JsonObject data = new JsonObject(record.value());
        assertEquals(body.get("businessId"), data.getString("businessId"));
        assertEquals(body.get("keycloakAlias"), data.getString("keycloakAlias"));
        assertEquals("MEMBER", data.getString("status"));
        assertEquals(0, data.getInteger("version"));
    }

    @Test
    void whileKafkaIsDownChangesSucceedAndAfterwardsEachEventArrivesExactlyOnce() {
        Set<String> ids = new HashSet<>();
        KafkaTestBroker.stopBroker();
        try {
            for (int i = 0; i < 100; i++) {
                ids.add(as(Tokens.coordinator()).body(Register.organisationBody(Register.newAlias()))
                        .post("/api/organisations").then().statusCode(201).extract().path("id"));
            }
        } finally {
            KafkaTestBroker.restartBroker();
        }
        assertEquals(100, ids.size());

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> recordsAbout(ids).size() >= 100);
        // Give a late duplicate the time to show up before counting.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<ConsumerRecord<String, String>> arrived = recordsAbout(ids);
        assertEquals(100, arrived.size(), "records about the 100 organisations");
        assertEquals(100, arrived.stream().map(r -> header(r, "ce_id")).distinct().count(), "distinct event ids");
        assertEquals(ids, new HashSet<>(arrived.stream().map(ConsumerRecord::key).toList()));
    }
}
