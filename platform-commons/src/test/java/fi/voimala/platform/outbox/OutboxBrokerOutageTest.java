package fi.voimala.platform.outbox;

import static fi.voimala.platform.testing.KafkaTestBroker.header;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.platform.testapp.Db;
import fi.voimala.platform.testapp.TestWidgetResource;
import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A broker outage delays events, never drops or duplicates them: the design's "no event is lost", with real Kafka.
 * Meanwhile the service stays ready, its readiness data shows the backlog and the unreachable broker, and the outage
 * counts no attempt towards parking an event.
 */
@QuarkusTest
class OutboxBrokerOutageTest {

    private static final String OUTBOX_CHECK = "checks.find { it.name == 'outbox' }";

    @Inject
    DataSource db;

    @Test
    void changesSucceedWhileKafkaIsDownAndEveryEventArrivesOnceAfterItIsBack() {
        String run = "outage-" + UUID.randomUUID();
        Set<String> eventIds = new HashSet<>();
        KafkaTestBroker.stopBroker();
        try {
            for (int i = 0; i < 100; i++) {
                eventIds.add(given().queryParam("name", run + "-" + i).post("/test/widgets")
                        .then().statusCode(200).extract().jsonPath().getString("eventId"));
            }
            assertEquals(100, eventIds.size());
            assertEquals(100, Db.count(db, "select count(*) from test_widget where name like ?", run + "-%"));
            // The relay has tried, the producer has reported the failure, and the rows wait in the outbox.
            await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(db,
                    "select count(*) from outbox_event where payload->>'name' like ? and last_error is not null",
                    run + "-%") > 0);
            assertEquals(100, Db.count(db,
                    "select count(*) from outbox_event where payload->>'name' like ? and published_at is null", run + "-%"));
            // An outage is not the events' fault: no attempt counts towards parking them.
            assertEquals(0, Db.count(db, "select count(*) from outbox_event where payload->>'name' like ?"
                    + " and (attempts > 0 or parked_at is not null)", run + "-%"));
            // The service stays ready (SmallRye's Kafka readiness checks are off) and says why events wait.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(200)
                    .body("status", is("UP"))
                    .body(OUTBOX_CHECK + ".status", is("UP"))
                    .body(OUTBOX_CHECK + ".data.brokerReachable", is(false))
                    .body(OUTBOX_CHECK + ".data.unpublished", greaterThanOrEqualTo(100)));
        } finally {
            KafkaTestBroker.restartBroker();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> Db.count(db,
                "select count(*) from outbox_event where payload->>'name' like ? and published_at is null", run + "-%") == 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body(OUTBOX_CHECK + ".data.brokerReachable", is(true)));
        List<ConsumerRecord<String, String>> arrived = KafkaTestBroker.records(TestWidgetResource.TOPIC).stream()
                .filter(record -> eventIds.contains(header(record, "ce_id")))
                .toList();
        assertEquals(100, arrived.size(), "records of the 100 events on the topic");
        assertEquals(100, arrived.stream().map(record -> header(record, "ce_id")).distinct().count(),
                "distinct event ids on the topic");
    }
}
