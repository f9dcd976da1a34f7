package fi.voimala.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * scheduling-service's two measured promises: planning a 30-session series through the gateway (its 30 visits, 60
 * bookings and 31 events in one transaction) beside a plain read of a series, and rescheduling: from a ward closure
 * arriving on topic ward-availability to the last visit-events record about the 100 visits it touched.
 *
 * <p>Its data is made fresh each run through the API in the bench organisation (a ward, a senior house, ten pairs),
 * and the ward's windows come onto the topic directly, as a hospital integration engine would publish them.
 */
final class SchedulingBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final int PAIRS = 10;

    private final Platform platform;
    private final String token;
    private final String organisation;
    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final List<String> pairs = new ArrayList<>();
    private String house;
    private String ward;

    SchedulingBench(Platform platform, String token, String organisation) {
        this.platform = platform;
        this.token = token;
        this.organisation = organisation;
    }

    /** A ward and a senior house of the bench organisation, ten pairs, all known to scheduling when this returns. */
    void prepare() throws IOException, InterruptedException {
        house = created("/api/sites", JSON.createObjectNode().put("organisationId", organisation)
                .put("name", "BENCH palvelutalo " + run).put("type", "SENIOR_HOUSE").put("city", "Kuopio"));
        ward = created("/api/sites", JSON.createObjectNode().put("organisationId", organisation)
                .put("name", "BENCH osasto " + run).put("type", "HOSPITAL_WARD").put("hospitalName", "BENCH sairaala")
                .put("wardCode", "B-" + run).put("city", "Kuopio"));
        for (int i = 0; i < PAIRS; i++) {
            String arts = created("/api/professionals", person(i, "ARTS_AND_CULTURE", "MUSICIAN"));
            String care = created("/api/professionals", person(i, "SOCIAL_AND_HEALTH", "NURSE"));
            pairs.add(created("/api/pairs", JSON.createObjectNode().put("artsProfessionalId", arts).put("careProfessionalId", care)));
        }
    }

    /** Milliseconds of each POST /api/series (30 weekly sessions) through the gateway, and of a GET of each. */
    double[][] planSeries(int warmup, int count) throws IOException, InterruptedException {
        String group = group(house);
        double[] plan = new double[count];
        double[] read = new double[count];
        LocalDate monday = LocalDate.of(2031, 1, 6);
        for (int i = -warmup; i < count; i++) {
            int k = i + warmup;
            // Ten pairs × five weekdays × three start times: no series clashes with another.
            LocalDate first = monday.plusDays((k / PAIRS) % 5);
            LocalTime start = LocalTime.of(9 + 3 * ((k / (PAIRS * 5)) % 3), 0);
            ObjectNode body = series(group, pairs.get(k % PAIRS), first, start, 30);
            long begin = System.nanoTime();
            HttpResponse<String> answer = platform.send(token, "POST", "/api/series", body.toString());
            double took = (System.nanoTime() - begin) / 1e6;
            if (answer.statusCode() != 201) {
                throw new IOException("planning series " + k + " failed (" + answer.statusCode() + "): " + answer.body());
            }
            String id = JSON.readTree(answer.body()).get("id").asText();
            begin = System.nanoTime();
            HttpResponse<String> got = platform.send(token, "GET", "/api/series/" + id, null);
            double readTook = (System.nanoTime() - begin) / 1e6;
            if (got.statusCode() != 200) {
                throw new IOException("reading series " + id + " failed (" + got.statusCode() + ")");
            }
            if (i >= 0) {
                plan[i] = took;
                read[i] = readTook;
            }
        }
        return new double[][] {plan, read};
    }

    /**
     * Ten weekly series of 20 sessions at the ward, all inside a published window; then a closure over their first ten
     * weeks is produced onto ward-availability. Answers the milliseconds from the closure's acknowledgement by the
     * broker to the arrival of the last visit-events record about the 100 visits in it (moved or cancelled).
     */
    double reschedule(int weeks) throws IOException, InterruptedException {
        LocalDate first = LocalDate.of(2030, 3, 5);   // a Tuesday
        String hospital = organisation;
        produce(hospital, first.minusDays(1), first.plusWeeks(50), "AVAILABLE", "bench: open for groups");
        awaitOpen(first);
        String group = group(ward);
        Set<String> affected = new HashSet<>();
        for (int i = 0; i < PAIRS; i++) {
            String series = created("/api/series", series(group, pairs.get(i), first, LocalTime.of(10, 0), 20));
            JsonNode visits = JSON.readTree(platform.send(token, "GET", "/api/visits?size=100&seriesId=" + series
                    + "&to=" + first.plusWeeks(weeks).minusDays(1), null).body()).get("items");
            visits.forEach(v -> affected.add(v.get("id").asText()));
        }
        if (affected.size() != PAIRS * weeks) {
            throw new IOException("expected " + PAIRS * weeks + " visits in the closed weeks, found " + affected.size());
        }
        ConcurrentHashMap<String, Long> arrivals = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread consumer = new Thread(() -> consume(affected, arrivals, stop), "bench-visit-events");
        consumer.start();
        try {
            Thread.sleep(3000);   // assigned and at the end before the closure
            long sent = produce(hospital, first.minusDays(1), first.plusWeeks(weeks).minusDays(1), "UNAVAILABLE",
                    "bench: infection isolation");
            long deadline = sent + Duration.ofSeconds(60).toNanos();
            while (arrivals.size() < affected.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("only " + arrivals.size() + " of " + affected.size()
                            + " visits were rescheduled within 60 s");
                }
                Thread.sleep(5);
            }
            return (arrivals.values().stream().mapToLong(Long::longValue).max().orElseThrow() - sent) / 1e6;
        } finally {
            stop.set(true);
            consumer.join(5000);
        }
    }

    /** Produces a ward statement as a hospital's integration engine would; answers the nanoTime of the broker's ack. */
    private long produce(String hospital, LocalDate from, LocalDate to, String state, String reason) throws IOException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        String data = JSON.createObjectNode().put("hospitalOrganisationId", hospital).put("wardCode", "B-" + run)
                .put("from", from.atStartOfDay(HELSINKI).toInstant().toString())
                .put("to", to.atStartOfDay(HELSINKI).toInstant().toString())
                .put("state", state).put("reason", reason).put("source", "bench").toString();
        ProducerRecord<String, String> record = new ProducerRecord<>("ward-availability", hospital + ":B-" + run, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", "fi.voimala.scheduling.ward-availability.published.v1");
        header(record, "ce_source", "/bench/hospital-integration");
        header(record, "ce_time", java.time.Instant.now().toString());
        header(record, "content-type", "application/json");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(record).get();
            return System.nanoTime();
        } catch (Exception e) {
            throw new IOException("could not publish onto ward-availability", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitOpen(LocalDate first) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> windows = platform.send(token, "GET", "/api/ward-availability/windows?siteId=" + ward
                    + "&from=" + first + "&to=" + first.plusWeeks(30), null);
            if (windows.statusCode() == 200 && !JSON.readTree(windows.body()).path("windows").isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IOException("the ward's window was not applied within 60 s");
    }

    private void consume(Set<String> affected, ConcurrentHashMap<String, Long> arrivals, AtomicBoolean stop) {
        try (KafkaConsumer<String, String> consumer = KafkaConsumers.atEnd(platform.kafka, "visit-events")) {
            while (!stop.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    Header subject = record.headers().lastHeader("ce_subject");
                    Header type = record.headers().lastHeader("ce_type");
                    if (subject != null && type != null) {
                        String id = new String(subject.value(), StandardCharsets.UTF_8);
                        String kind = new String(type.value(), StandardCharsets.UTF_8);
                        if (affected.contains(id) && (kind.endsWith("visit.moved.v1") || kind.endsWith("visit.cancelled.v1"))) {
                            arrivals.putIfAbsent(id, System.nanoTime());
                        }
                    }
                }
            }
        }
    }

    private ObjectNode series(String group, String pair, LocalDate first, LocalTime start, int sessions) {
        ObjectNode body = JSON.createObjectNode().put("groupId", group).put("pairId", pair).put("plannedSessions", sessions)
                .put("frequency", "WEEKLY").put("startTime", start.toString()).put("durationMinutes", 90)
                .put("firstDate", first.toString());
        body.putArray("artForms").add("MUSIC");
        return body;
    }

    /** A group at the site, retried while scheduling's copy of the register has not yet heard of the site. */
    private String group(String site) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("siteId", site).put("name", "BENCH ryhmä " + run + " " + site.substring(0, 4))
                .put("targetGroup", "SENIOR_HOUSE_RESIDENTS").put("size", 10);
        body.putArray("needs");
        return created("/api/groups", body);
    }

    private ObjectNode person(int i, String field, String profession) {
        return JSON.createObjectNode().put("organisationId", organisation).put("firstName", "Bench")
                .put("lastName", "Planner " + run + " " + i).put("email", "bench-" + run.toLowerCase() + "-" + field.toLowerCase()
                        + "-" + i + "@example.fi").put("field", field).put("profession", profession);
    }

    /**
     * POSTs and answers the new id. A 422 {@code referenced-exists} means scheduling has not yet copied what the
     * request names from partner-events: it is retried for up to a minute.
     */
    private String created(String path, ObjectNode body) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> answer = platform.send(token, "POST", path, body.toString());
            if (answer.statusCode() == 201) {
                return JSON.readTree(answer.body()).get("id").asText();
            }
            if (answer.statusCode() != 422 || !answer.body().contains("referenced-exists") || System.nanoTime() > deadline) {
                throw new IOException("POST " + path + " failed (" + answer.statusCode() + "): " + answer.body());
            }
            Thread.sleep(200);
        }
    }
}
