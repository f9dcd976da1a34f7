package fi.voimala.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that a change made through the gateway is published by partners-service on the platform's real
 * Kafka topic partner-events as a CloudEvent (ce_ headers, key = the aggregate id), and that the trace the client
 * started (W3C traceparent) follows it through the gateway and the service onto the Kafka record.
 */
@ExtendWith(RunningPlatform.class)
class PartnerEventsIT {

    @Test
    void aNewOrganisationIsPublishedOnPartnerEventsWithTheClientsTrace() throws Exception {
        String alias = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        // W3C Trace Context: version 00, a 16-byte trace id, an 8-byte parent span id, flags 01 (sampled).
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = given().baseUri(RunningPlatform.GATEWAY).auth().oauth2(Tokens.forUser("kaisa")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(Map.of("name", "E2E-yhdistys " + alias, "businessId", newBusinessId(), "sectors", List.of("THIRD_SECTOR"),
                        "memberSince", "2026-11-01", "keycloakAlias", alias))
                .post("/api/organisations").then().statusCode(201).extract().path("id");

        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("partner-events"));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (id.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
            assertEquals(1, found.size(), "events keyed by the new organisation's id");
            ConsumerRecord<String, String> record = found.get(0);
            assertEquals("fi.voimala.partner.organisation.joined.v1", header(record, "ce_type"));
            assertEquals("/voimala/partners-service", header(record, "ce_source"));
            assertEquals(id, header(record, "ce_subject"));
            JsonNode data = new ObjectMapper().readTree(record.value());
            assertEquals(alias, data.get("keycloakAlias").asText());
            assertEquals("MEMBER", data.get("status").asText());
            String traceparent = header(record, "traceparent");
            assertEquals(traceId, traceparent == null ? null : traceparent.split("-")[1],
                    "the record's traceparent continues the client's trace: " + traceparent);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Seven random digits and their check digit (weights 7, 9, 10, 5, 8, 4, 2; remainder 1 is never issued). */
    private static String newBusinessId() {
        int[] weights = {7, 9, 10, 5, 8, 4, 2};
        while (true) {
            String digits = String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
            int sum = 0;
            for (int i = 0; i < 7; i++) {
                sum += (digits.charAt(i) - '0') * weights[i];
            }
            if (sum % 11 != 1) {
                return digits + "-" + (sum % 11 == 0 ? 0 : 11 - sum % 11);
            }
        }
    }
}
