package fi.voimala.gateway.stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.gateway.TestTokens;
import fi.voimala.platform.testing.KafkaTestBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live stream against a real Kafka broker (in the test JVM), with the gateway's real token checks and a stand-in
 * for scheduling-service's series list: who gets which event, and a browser that reconnects with its last event id
 * gets what it missed, once.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = KafkaTestBroker.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "topics", value = "outcome-events,session-events,visit-events"))
@QuarkusTestResource(value = SeriesDirectory.class, restrictToAnnotatedClass = true)
class StreamResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long enough for an event that would come to have come: the feed polls every 500 ms at most. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @TestHTTPResource("/api/stream")
    URI stream;

    private final List<SseReader> open = new ArrayList<>();

    @BeforeEach
    void reset() {
        SeriesDirectory.READS.clear();
        open.forEach(SseReader::close);
        open.clear();
    }

    @Test
    void aCoordinatorGetsEveryEventWhole() throws Exception {
        SseReader kaisa = connected(token("kaisa", "coordinator", "kuopion-konservatorio"), null);
        String series = UUID.randomUUID().toString();
        outcomeUpdated(series);

        SseReader.Event event = kaisa.next(WAIT);
        assertNotNull(event, "the coordinator's stream passes the outcome event on");
        assertEquals("outcome", event.name());
        assertEquals("fi.voimala.outcome.series-outcome.updated.v1", event.data().get("type").asText());
        assertEquals(series, event.data().get("seriesId").asText());
        assertEquals("ucla-3", event.data().get("data").get("instrumentKey").asText());
        assertTrue(event.id().contains("outcome-events/"), event.id());
    }

    @Test
    void eachUserGetsOnlyTheSeriesTheyRead() throws Exception {
        String ainosSeries = UUID.randomUUID().toString();
        String ollisSeries = UUID.randomUUID().toString();
        SeriesDirectory.READS.put("aino", List.of(ainosSeries));
        SeriesDirectory.READS.put("olli", List.of(ollisSeries));
        SseReader aino = connected(token("aino", "artist", "kuopion-konservatorio"), null);
        SseReader olli = connected(token("olli", "org-admin", "kuopion-kaupunki"), null);

        sessionRecorded(ollisSeries);
        sessionRecorded(ainosSeries);

        SseReader.Event ainos = aino.next(WAIT);
        assertEquals(ainosSeries, ainos.data().get("seriesId").asText(), "another organisation's session is not sent to aino");
        assertEquals("session", ainos.name());
        assertEquals(ainosSeries, ainos.data().get("data").get("seriesId").asText());
        SseReader.Event ollis = olli.next(WAIT);
        assertEquals(ollisSeries, ollis.data().get("seriesId").asText());
        assertNull(olli.next(QUIET), "aino's session is not sent to olli");
        assertNull(aino.next(QUIET));
    }

    @Test
    void aNewSeriesOfTheUsersPairIsAskedAboutBeforeItsEventsAreSent() throws Exception {
        SeriesDirectory.READS.put("aino", List.of(UUID.randomUUID().toString()));
        SseReader aino = connected(token("aino", "artist", "kuopion-konservatorio"), null);
        String planned = UUID.randomUUID().toString();
        String notHers = UUID.randomUUID().toString();
        // Scheduling now says aino reads the new series (planned for her pair), not the other new one.
        SeriesDirectory.READS.put("aino", List.of(planned));

        seriesPlanned(notHers);
        seriesPlanned(planned);
        visitScheduled(planned);

        SseReader.Event series = aino.next(WAIT);
        assertEquals("fi.voimala.scheduling.series.planned.v1", series.data().get("type").asText());
        assertEquals(planned, series.data().get("seriesId").asText());
        SseReader.Event visit = aino.next(WAIT);
        assertEquals("fi.voimala.scheduling.visit.scheduled.v1", visit.data().get("type").asText());
        assertEquals(planned, visit.data().get("seriesId").asText());
        assertNull(aino.next(QUIET));
    }

    @Test
    void aViewerSeesOutcomesAndThatSessionsHappenedButNotWhere() throws Exception {
        SseReader vilja = connected(token("vilja", "viewer", null), null);
        String series = UUID.randomUUID().toString();
        sessionRecorded(series);
        outcomeUpdated(series);

        SseReader.Event session = vilja.next(WAIT);
        assertEquals("session", session.name());
        assertEquals("fi.voimala.session.record.recorded.v1", session.data().get("type").asText());
        assertFalse(session.data().has("seriesId"), session.data().toString());
        assertFalse(session.data().has("data"), session.data().toString());
        SseReader.Event outcome = vilja.next(WAIT);
        assertEquals(series, outcome.data().get("seriesId").asText(), "outcomes are suppressed at the source; a viewer reads every series'");
    }

    @Test
    void aBrowserThatReconnectsGetsWhatItMissedOnce() throws Exception {
        String token = token("kaisa", "coordinator", "kuopion-konservatorio");
        SseReader first = connected(token, null);
        String before = UUID.randomUUID().toString();
        outcomeUpdated(before);
        SseReader.Event seen = first.next(WAIT);
        assertEquals(before, seen.data().get("seriesId").asText());
        first.close();

        // Away: three events on three topics.
        String missedOutcome = UUID.randomUUID().toString();
        String missedSession = UUID.randomUUID().toString();
        String missedVisit = UUID.randomUUID().toString();
        outcomeUpdated(missedOutcome);
        sessionRecorded(missedSession);
        visitScheduled(missedVisit);

        SseReader again = connected(token, seen.id());
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SseReader.Event event = again.next(WAIT);
            assertNotNull(event, "missed event " + (i + 1) + " of 3");
            missed.add(event.data().get("seriesId").asText());
        }
        assertEquals(List.of(missedOutcome, missedSession, missedVisit).stream().sorted().toList(),
                missed.stream().sorted().toList(), "the three missed events, not the one already seen");
        String after = UUID.randomUUID().toString();
        outcomeUpdated(after);
        assertEquals(after, again.next(WAIT).data().get("seriesId").asText(), "then the live ones");
        assertNull(again.next(QUIET), "nothing twice");
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        String shortLived = TestTokens.keycloakLike("kaisa", List.of("coordinator"), List.of("kuopion-konservatorio"))
                .expiresIn(3).sign("privateKey.jwk");
        SseReader kaisa = connected(shortLived, null);
        assertFalse(kaisa.endsWithin(Duration.ofMillis(1_000)), "open while the token is valid");
        assertTrue(kaisa.endsWithin(WAIT), "ended once the token expired; the browser reconnects with a fresh one");
    }

    @Test
    void aBrowserThatStopsReadingIsDisconnectedNotBufferedWithoutEnd() throws Exception {
        String token = token("kaisa", "coordinator", "kuopion-konservatorio");
        connected(token, null); // the feed is ready
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(stream.getHost(), stream.getPort()));
            socket.getOutputStream().write(("GET /api/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().contains("event:ready")) {
                head.append((char) in.read());
            }
            // The browser stops reading; 12 MB of events come, far more than socket buffers hold.
            String big = "x".repeat(40_000);
            int events = 300;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                for (int i = 0; i < events; i++) {
                    String series = UUID.randomUUID().toString();
                    ProducerRecord<String, String> record = new ProducerRecord<>("outcome-events", series,
                            "{\"seriesId\":\"" + series + "\",\"padding\":\"" + big + "\"}");
                    record.headers().add("ce_type", "fi.voimala.outcome.series-outcome.updated.v1".getBytes(StandardCharsets.UTF_8));
                    producer.send(record);
                }
                producer.flush();
            }
            // Heartbeats (every second in tests) find it not reading; at the second it is closed.
            Thread.sleep(5_000);
            // Reading again: the gateway has ended the stream (the browser would resume from its last event id).
            socket.setSoTimeout(20_000);
            long read = 0;
            byte[] buffer = new byte[65_536];
            StringBuilder tail = new StringBuilder();
            int n;
            while ((n = in.read(buffer)) > 0) {
                read += n;
                tail.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (tail.length() > 64) {
                    tail.delete(0, tail.length() - 64);
                }
                if (tail.toString().endsWith("\r\n0\r\n\r\n")) {
                    break;
                }
            }
            assertTrue(read < (long) events * big.length(), "the stream ended before all " + events + " events: "
                    + read + " bytes read");
        }
    }

    @Test
    void aLastEventIdThatIsNotOneIsRefusedNamingIt() {
        given().auth().oauth2(token("kaisa", "coordinator", "kuopion-konservatorio"))
                .header("Last-Event-ID", "yesterday")
                .when().get("/api/stream")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Last-Event-ID"))
                .body("violations[0].rule", equalTo("stream-position"));
    }

    @Test
    void aHospitalSystemHasNoStreamAndNobodyWithoutAToken() {
        given().auth().oauth2(token("harjula-system", "hospital-system", "kuopion-yliopistollinen-sairaala"))
                .when().get("/api/stream")
                .then().statusCode(403);
        given().when().get("/api/stream").then().statusCode(401);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private SseReader connected(String token, String lastEventId) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<Stream<String>> response = SseReader.open(stream, token, lastEventId);
            if (response.statusCode() == 200) {
                SseReader reader = SseReader.of(response);
                open.add(reader);
                SseReader.Event ready = reader.next(WAIT);
                assertEquals("ready", ready.name(), "a stream opens with ready");
                assertEquals(lastEventId != null, ready.data().get("resumed").asBoolean());
                assertFalse(ready.data().get("missedEvents").asBoolean(), ready.data().toString());
                return reader;
            }
            response.body().close();
            // 503 until the feed has found the topics' ends.
            assertEquals(503, response.statusCode());
            assertTrue(System.nanoTime() < deadline, "the stream did not become ready");
            Thread.sleep(200);
        }
    }

    private static String token(String username, String role, String organisation) {
        return TestTokens.keycloakLike(username, List.of(role), organisation == null ? List.of() : List.of(organisation))
                .sign("privateKey.jwk");
    }

    private static void outcomeUpdated(String series) throws Exception {
        KafkaTestBroker.produceCloudEvent("outcome-events", UUID.randomUUID().toString(), "/outcomes-service",
                "fi.voimala.outcome.series-outcome.updated.v1", series,
                "{\"seriesId\":\"" + series + "\",\"instrumentKey\":\"ucla-3\",\"outcomes\":[]}");
    }

    private static void sessionRecorded(String series) throws Exception {
        String record = UUID.randomUUID().toString();
        KafkaTestBroker.produceCloudEvent("session-events", UUID.randomUUID().toString(), "/sessions-service",
                "fi.voimala.session.record.recorded.v1", record,
                "{\"id\":\"" + record + "\",\"seriesId\":\"" + series + "\",\"held\":true,\"participantIds\":[]}");
    }

    private static void seriesPlanned(String series) throws Exception {
        KafkaTestBroker.produceCloudEvent("visit-events", UUID.randomUUID().toString(), "/scheduling-service",
                "fi.voimala.scheduling.series.planned.v1", series, "{\"id\":\"" + series + "\",\"status\":\"ACTIVE\"}");
    }

    private static void visitScheduled(String series) throws Exception {
        String visit = UUID.randomUUID().toString();
        KafkaTestBroker.produceCloudEvent("visit-events", UUID.randomUUID().toString(), "/scheduling-service",
                "fi.voimala.scheduling.visit.scheduled.v1", visit,
                "{\"id\":\"" + visit + "\",\"seriesId\":\"" + series + "\",\"status\":\"SCHEDULED\"}");
    }
}
