package fi.voimala.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

/**
 * A series of the bench's own, planned through the API as the coordinator, whose participants' END measurements are
 * the events the outcomes and stream groups time: a senior house, a new pair, the group "BENCH tulosryhmä …", 20
 * weekly sessions from 2032-03-01, a plan of UCLA-3 at BASELINE and END; participants enrolled through
 * sessions-service with consent to measurements and research use, each one's BASELINE entered as soon as outcomes
 * knows them (a baseline completes no pair, so it changes no outcome). Each END then completes one more pair: the
 * series' {@code series-outcome.updated} event that follows has a UCLA-3 BASELINE_TO_END n of the number of ENDs so
 * far (suppressed, n null, below five), which is how its arrival is matched to the END, by content.
 */
final class OutcomeSeries {

    static final String INSTRUMENT = "ucla-3";
    static final String SERIES_OUTCOME_UPDATED = "fi.voimala.outcome.series-outcome.updated.v1";
    /** The first n that is shown: below five people a series' outcome is suppressed. */
    static final int FIRST_SHOWN = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private final Platform platform;
    final String id;
    private final List<String> codes;
    private final LocalDate today;
    /** ENDs entered so far: the next one is participant {@code ends}'s, and its event's n is {@code ends + 1}. */
    private int ends;

    private OutcomeSeries(Platform platform, String id, List<String> codes, LocalDate today) {
        this.platform = platform;
        this.id = id;
        this.codes = codes;
        this.today = today;
    }

    /** Plans the series, enrols {@code participants} and enters each one's BASELINE. */
    static OutcomeSeries plan(Platform platform, String token, String organisation, int participants)
            throws IOException, InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String site = created(platform, token, "/api/sites", JSON.createObjectNode().put("organisationId", organisation)
                .put("name", "BENCH tulostalo " + run).put("type", "SENIOR_HOUSE").put("city", "Kuopio"));
        String arts = created(platform, token, "/api/professionals",
                person(organisation, run, "ARTS_AND_CULTURE", "MUSICIAN"));
        String care = created(platform, token, "/api/professionals",
                person(organisation, run, "SOCIAL_AND_HEALTH", "NURSE"));
        String pair = created(platform, token, "/api/pairs", JSON.createObjectNode().put("artsProfessionalId", arts)
                .put("careProfessionalId", care));
        ObjectNode group = JSON.createObjectNode().put("siteId", site).put("name", "BENCH tulosryhmä " + run)
                .put("targetGroup", "SENIOR_HOUSE_RESIDENTS").put("size", 12);
        group.putArray("needs");
        String groupId = created(platform, token, "/api/groups", group);
        ObjectNode series = JSON.createObjectNode().put("groupId", groupId).put("pairId", pair)
                .put("plannedSessions", 20).put("frequency", "WEEKLY").put("startTime", "10:00")
                .put("durationMinutes", 90).put("firstDate", LocalDate.of(2032, 3, 1).toString());
        series.putArray("artForms").add("MUSIC");
        String seriesId = created(platform, token, "/api/series", series);
        String plan = "{\"points\":[{\"instrumentKey\":\"ucla-3\",\"timePoint\":\"BASELINE\"},"
                + "{\"instrumentKey\":\"ucla-3\",\"timePoint\":\"END\"}]}";
        retried(platform, token, "PUT", "/api/measurement-plans/" + seriesId, plan, 200, "the measurement plan");
        LocalDate today = LocalDate.now(HELSINKI);
        ObjectNode participant = JSON.createObjectNode().put("seriesId", seriesId);
        ObjectNode consent = participant.putObject("consent").put("givenBy", "PERSON")
                .put("givenOn", today.minusDays(30).toString());
        consent.putArray("covers").add("PARTICIPATION").add("MEASUREMENTS").add("RESEARCH_USE");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            codes.add(JSON.readTree(retried(platform, token, "POST", "/api/participants", participant.toString(), 201,
                    "enrolling a participant")).get("code").asText());
        }
        for (String code : codes) {
            retried(platform, token, "POST", "/api/measurements", measurement(seriesId, code, "BASELINE", 8, today), 201,
                    "a baseline");
        }
        return new OutcomeSeries(platform, seriesId, codes, today);
    }

    /** The n the next END's series-outcome event will show. */
    synchronized long nextN() {
        return ends + 1;
    }

    /** ENDs left to enter. */
    int left() {
        return codes.size() - ends;
    }

    /**
     * Enters the next participant's END and answers the n its series-outcome event will show, once the answer (201)
     * is in; {@code answered[0]} is given the nanoTime of the answer.
     */
    synchronized long end(String token, long[] answered) throws IOException, InterruptedException {
        if (left() == 0) {
            throw new IllegalStateException("every participant of series " + id + " has had their END");
        }
        int i = ends++;
        HttpResponse<String> answer = platform.send(token, "POST", "/api/measurements",
                measurement(id, codes.get(i), "END", 3 + i % 7, today));
        answered[0] = System.nanoTime();
        if (answer.statusCode() != 201) {
            throw new IOException("END measurement " + (i + 1) + " failed (" + answer.statusCode() + "): "
                    + answer.body());
        }
        return i + 1;
    }

    /**
     * One END after another, {@code gapMs} apart, each waited for at every one of {@code places} (up to 10 s): the
     * milliseconds from each answer to the arrival of its series-outcome event at each place, the first
     * {@code warmup} left out (they cover the suppressed ones). {@code [place][measurement]}.
     */
    double[][] endsOneAtATime(String token, int warmup, int count, long gapMs, List<Arrivals> places)
            throws IOException, InterruptedException {
        if (warmup < FIRST_SHOWN - 1 - ends) {
            throw new IllegalArgumentException("the warm-up must cover the suppressed events");
        }
        double[][] latencies = new double[places.size()][count];
        long[] answered = new long[1];
        for (int i = 0; i < warmup + count; i++) {
            long n = end(token, answered);
            for (int p = 0; p < places.size(); p++) {
                long arrived = places.get(p).await(n, answered[0] + Duration.ofSeconds(10).toNanos());
                if (i >= warmup) {
                    latencies[p][i - warmup] = (arrived - answered[0]) / 1e6;
                }
            }
            Thread.sleep(gapMs); // apart, so that each event is relayed on its own
        }
        return latencies;
    }

    /**
     * Where this series' series-outcome events arrived, by their n (matched by content: the series and the n, not by
     * order). A suppressed event (n null) is the one of the next END below five; an n seen twice is counted (the
     * stream promises nothing twice).
     */
    static final class Arrivals {
        private final String where;
        private final Map<Long, Long> byN = new ConcurrentHashMap<>();
        private final Map<Long, Long> sentByN = new ConcurrentHashMap<>();
        private final AtomicInteger suppressed = new AtomicInteger();
        private final AtomicInteger twice = new AtomicInteger();
        private volatile String wrong;

        Arrivals(String where) {
            this.where = where;
        }

        /** An event that arrived on Kafka: also when its producer sent it (the record's timestamp, epoch ms). */
        void arrived(Long n, long nanos, long sentMillis) {
            if (n != null) {
                sentByN.putIfAbsent(n, sentMillis);
            }
            arrived(n, nanos);
        }

        void arrived(Long n, long nanos) {
            if (n != null && n < FIRST_SHOWN) {
                wrong = "a series-outcome event at " + where + " showed n = " + n + ", below five people";
                return;
            }
            long key = n != null ? n : suppressed.incrementAndGet();
            if (byN.putIfAbsent(key, nanos) != null) {
                twice.incrementAndGet();
            }
        }

        /** nanoTime of the event with this n's arrival, waiting until the deadline (nanoTime). */
        long await(long n, long deadline) throws IOException {
            Long arrived;
            while ((arrived = byN.get(n)) == null) {
                if (wrong != null) {
                    throw new IOException(wrong);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("the series-outcome.updated event with n = " + n + " did not reach " + where
                            + " within 10 s");
                }
                Thread.onSpinWait();
            }
            return arrived;
        }

        Long get(long n) {
            return byN.get(n);
        }

        /** When the producer sent the event with this n (epoch ms), if it arrived from Kafka. */
        Long sent(long n) {
            return sentByN.get(n);
        }

        int twice() {
            return twice.get();
        }
    }

    /**
     * A plain consumer of outcome-events from its end (its own thread), putting the series' series-outcome events into
     * {@code arrivals}; closed with the returned handle. Waits until it is positioned.
     */
    Consuming consume(Arrivals arrivals) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.CountDownLatch positioned = new java.util.concurrent.CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = KafkaConsumers.atEnd(platform.kafka, "outcome-events")) {
                positioned.countDown();
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        if (id.equals(header(record, "ce_subject"))
                                && SERIES_OUTCOME_UPDATED.equals(header(record, "ce_type"))) {
                            arrivals.arrived(baselineToEndN(record.value()), now, record.timestamp());
                        }
                    }
                }
            }
        }, "bench-outcome-events");
        thread.setDaemon(true);
        thread.start();
        positioned.await();
        Thread.sleep(1000); // the first fetch under way before the first END
        return () -> {
            stop.set(true);
            thread.join(5000);
        };
    }

    /** A running consumer; closing it stops it. */
    interface Consuming extends AutoCloseable {
        @Override
        void close() throws InterruptedException;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * The UCLA-3 total's BASELINE_TO_END n in a series-outcome.updated event's data (on Kafka), or in the event as the
     * live stream sends it (the data under "data"); null when suppressed.
     */
    static Long baselineToEndN(String value) {
        try {
            return baselineToEndN(JSON.readTree(value));
        } catch (IOException e) {
            return null;
        }
    }

    static Long baselineToEndN(JsonNode data) {
        if (data.has("data") && !data.has("outcomes")) {
            data = data.get("data");
        }
        for (JsonNode outcome : data.path("outcomes")) {
            if ("total".equals(outcome.path("scoreKey").asText())
                    && "BASELINE_TO_END".equals(outcome.path("comparison").asText())) {
                return outcome.path("n").isNumber() ? outcome.get("n").asLong() : null;
            }
        }
        return null;
    }

    /** A UCLA-3 measurement whose three answers add up to {@code total} (3-9). */
    static String measurement(String seriesId, String code, String timePoint, int total, LocalDate on) {
        int[] a = {1, 1, 1};
        for (int i = 0; i < total - 3; i++) {
            a[i % 3]++;
        }
        ObjectNode body = JSON.createObjectNode().put("seriesId", seriesId).put("instrumentKey", INSTRUMENT)
                .put("timePoint", timePoint).put("participantCode", code).put("measuredOn", on.toString());
        body.putObject("answers").put("companionship", a[0]).put("left-out", a[1]).put("isolated", a[2]);
        return body.toString();
    }

    private static ObjectNode person(String organisation, String run, String field, String profession) {
        return JSON.createObjectNode().put("organisationId", organisation).put("firstName", "Bench")
                .put("lastName", "Outcomes " + run).put("email", "bench-outcomes-" + run.toLowerCase() + "-"
                        + field.toLowerCase() + "@example.fi").put("field", field).put("profession", profession);
    }

    private static String created(Platform platform, String token, String path, ObjectNode body)
            throws IOException, InterruptedException {
        return JSON.readTree(retried(platform, token, "POST", path, body.toString(), 201, "POST " + path))
                .get("id").asText();
    }

    /**
     * Sends until the expected status, for up to a minute while the answer says that the service has not yet copied
     * what the request names from another service's events (404, or 422 referenced-exists); answers the body.
     */
    private static String retried(Platform platform, String token, String method, String path, String body,
                                  int expected, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> answer = platform.send(token, method, path, body);
            if (answer.statusCode() == expected) {
                return answer.body();
            }
            boolean notYet = answer.statusCode() == 404
                    || answer.statusCode() == 422 && answer.body().contains("referenced-exists");
            if (!notYet || System.nanoTime() > deadline) {
                throw new IOException(what + " failed (" + answer.statusCode() + "): " + answer.body());
            }
            Thread.sleep(200);
        }
    }
}
