package fi.voimala.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

/**
 * How long after a write's HTTP answer its event reaches a Kafka consumer: the time a dashboard or another service
 * waits for news. One write at a time (a professional registered through the gateway), each followed by the wait for
 * its event (matched by the CloudEvent subject, the new professional's id) on partner-events. The consumer is an
 * ordinary one (the client's default fetch settings), as a service's consumer is.
 */
final class EventLatency {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform;

    EventLatency(Platform platform) {
        this.platform = platform;
    }

    /** Milliseconds from each write's answer to its event at the consumer, over {@code writes} writes. */
    double[] measure(String token, String organisation, int warmup, int writes)
            throws IOException, InterruptedException {
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread consumer = new Thread(() -> consume(arrivals, stop), "bench-event-consumer");
        consumer.start();
        try {
            Thread.sleep(3000); // assigned and positioned at the end before the first write
            double[] latencies = new double[writes];
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int i = -warmup; i < writes; i++) {
                String body = JSON.createObjectNode()
                        .put("organisationId", organisation)
                        .put("firstName", "Bench")
                        .put("lastName", "Latency " + i)
                        .put("email", "bench-latency-" + run + "-" + (i + warmup) + "@example.fi")
                        .put("field", "ARTS_AND_CULTURE")
                        .put("profession", "MUSICIAN").toString();
                HttpResponse<String> created = platform.send(token, "POST", "/api/professionals", body);
                long answered = System.nanoTime();
                if (created.statusCode() != 201) {
                    throw new IOException("write " + i + " failed (" + created.statusCode() + "): " + created.body());
                }
                String subject = JSON.readTree(created.body()).get("id").asText();
                long deadline = answered + Duration.ofSeconds(10).toNanos();
                Long arrived;
                while ((arrived = arrivals.remove(subject)) == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("the event of professional " + subject + " did not arrive within 10 s");
                    }
                    Thread.onSpinWait();
                }
                if (i >= 0) {
                    latencies[i] = (arrived - answered) / 1e6;
                }
                Thread.sleep(20); // writes apart, so that each event is relayed on its own, not in a batch
            }
            return latencies;
        } finally {
            stop.set(true);
            consumer.join(5000);
        }
    }

    private void consume(Map<String, Long> arrivals, AtomicBoolean stop) {
        try (KafkaConsumer<String, String> consumer = KafkaConsumers.atEnd(platform.kafka, "partner-events")) {
            while (!stop.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Header subject = record.headers().lastHeader("ce_subject");
                    if (subject != null) {
                        arrivals.put(new String(subject.value(), StandardCharsets.UTF_8), now);
                    }
                }
            }
        }
    }
}
