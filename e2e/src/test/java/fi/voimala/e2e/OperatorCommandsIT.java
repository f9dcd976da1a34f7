package fi.voimala.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the operator's Kafka commands on the platform's real broker, run as an operator runs them:
 * {@code ./voimala events TOPIC} prints the CloudEvents of a topic (a change made through the gateway shows up with
 * its id and type), and {@code ./voimala dlq-replay TOPIC} puts a dead letter back on its topic with its CloudEvent
 * id and without the dead-letter headers. The replay runs only on the tests' own data space, since on a developer's
 * platform it would also replay their own dead letters.
 */
@ExtendWith(RunningPlatform.class)
class OperatorCommandsIT {

    @Test
    void eventsPrintsTheCloudEventsOfATopic() throws Exception {
        String organisations = given().baseUri(RunningPlatform.GATEWAY).auth().oauth2(Tokens.forUser("kaisa"))
                .get("/api/organisations?size=1&sort=name").then().statusCode(200).extract().path("items[0].id");
        String printed = voimala("events", "partner-events");
        assertTrue(printed.contains(organisations), "the demo network's first organisation in:\n" + tail(printed));
        assertTrue(printed.contains("fi.voimala.partner.organisation.joined.v1"), tail(printed));
    }

    @Test
    void dlqReplayPutsADeadLetterBackOnItsTopic() throws Exception {
        assumeTrue(RunningPlatform.current().ownDataSpace(), "replays only on the tests' own data space");
        String key = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> deadLetter =
                    new ProducerRecord<>("partner-events-dlq", key, "{\"probe\":\"" + key + "\"}");
            deadLetter.headers().add("ce_specversion", bytes("1.0"));
            deadLetter.headers().add("ce_id", bytes(eventId));
            deadLetter.headers().add("ce_type", bytes("fi.voimala.e2e.probe.v1"));
            deadLetter.headers().add("ce_source", bytes("/voimala/e2e"));
            deadLetter.headers().add("dead-letter-reason", bytes("a rule that could not hold before the fix"));
            producer.send(deadLetter).get();
        }

        String printed = voimala("dlq-replay", "partner-events");
        assertTrue(printed.contains("replayed"), printed);

        List<ConsumerRecord<String, String>> replayed = readByKey("partner-events", key);
        assertEquals(1, replayed.size(), "the dead letter is back on partner-events once");
        assertEquals(eventId, header(replayed.get(0), "ce_id"));
        assertNull(header(replayed.get(0), "dead-letter-reason"));
        assertTrue(voimala("dlq-replay", "partner-events").contains("replayed 0"), "a second replay copies nothing");
    }

    private static List<ConsumerRecord<String, String>> readByKey(String topic, String key) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    /** Runs {@code ./voimala ARGS} in the checkout under test and returns what it printed (stdout and stderr). */
    private static String voimala(String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(RunningPlatform.root().resolve("voimala").toString()));
        line.addAll(List.of(args));
        Process process = new ProcessBuilder(line).directory(RunningPlatform.root().toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "./voimala " + String.join(" ", args) + " printed:\n" + tail(output));
        return output;
    }

    private static String tail(String text) {
        return text.length() > 2000 ? "…" + text.substring(text.length() - 2000) : text;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
