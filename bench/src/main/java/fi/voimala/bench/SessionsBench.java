package fi.voimala.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * sessions-service's measured promise (issue 9): sustained session records per second through the gateway, with p99,
 * beside PostgreSQL's own rate for the same inserts (pgbench) on the same server.
 *
 * <p>A record needs a past visit of its own (one record per visit) that sessions-service knows, and visits reach it
 * only from visit-events. So the bench plays scheduling-service there: it produces one {@code series.planned} and as
 * many {@code visit.scheduled} events as a run needs, with ids of its own (the series' group, site and pair are
 * made-up ids: a coordinator records, and sessions keeps no foreign keys between its copies), and waits until sessions
 * has the last visit of every partition. Six participants are enrolled in the series through the API, and every
 * record marks all six present, so that it writes what a real one does: the record, 6 attendances, an audit entry
 * and an outbox event.
 *
 * <p>What it leaves in a running demo, until {@code ./voimala reset}: the bench series' visits, participants and
 * records in sessions-service; and since scheduling never planned those visits, it dead-letters each record's event
 * onto session-events-dlq.
 */
final class SessionsBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    static final int PARTICIPANTS = 6;
    /** The warm-up (JIT, pools) whose rate also decides how many visits the measured run gets. */
    static final int WARMUP_SECONDS = 20;
    static final int WARMUP_VISITS = 10000;
    static final int MIN_WARMUPS = 3;
    static final int MAX_WARMUPS = 8;

    /**
     * At least {@value #MIN_WARMUPS} warm-up rounds, the last two within 10 % of each other: a restarted service
     * took four rounds of 20 s to reach its rate (138, 316, 505, 515 records/s on 2026-11-25).
     */
    static boolean settled(List<Double> rates) {
        if (rates.size() < MIN_WARMUPS) {
            return false;
        }
        double last = rates.get(rates.size() - 1);
        double before = rates.get(rates.size() - 2);
        return Math.abs(last - before) <= 0.10 * Math.max(last, before);
    }
    /** Visits spread over this many past days, all at 10:00 Helsinki: overlaps are scheduling's concern, not sessions'. */
    static final int DAYS_BACK = 60;
    static final LocalTime STARTS = LocalTime.of(10, 0);
    static final Duration VISIT_LENGTH = Duration.ofMinutes(90);
    /** What a pair writes after a session: a few sentences each, as in the demo's records. */
    static final String OBSERVATIONS = "Laulettiin tuttuja kansanlauluja ja vuodenaikojen lauluja. Useimmat lauloivat"
            + " mukana koko ajan, yksi osallistuja taputti rytmiä ja hymyili. Hoitaja kertoi, että eräs asukas oli ollut"
            + " aamulla levoton mutta rauhoittui laulaessa ja jäi juttelemaan tuokion jälkeen.";
    static final String REFLECTION = "Rauhallinen aloitus ja tutut laulut toimivat hyvin. Ensi kerralla otetaan mukaan"
            + " rytmisoittimia ja valitaan lauluja osallistujien toiveiden mukaan. Hoitajien kanssa sovittiin, että he"
            + " laulavat samoja lauluja viikon aikana.";
    static final int EXTRA_ATTENDEES = 2;
    static final int OTHER_STAFF = 2;

    /** The visits of one run: their ids and starts, and how fast sessions-service copied them from the topic. */
    record Visits(List<UUID> ids, List<Instant> starts, double copiedPerSecond) {
    }

    private final Platform platform;
    private final Wrk wrk;
    private final Path work;
    private final UUID series = UUID.randomUUID();
    private final UUID group = UUID.randomUUID();
    private final UUID site = UUID.randomUUID();
    private final UUID pair = UUID.randomUUID();
    private final UUID arts = UUID.randomUUID();
    private final UUID care = UUID.randomUUID();
    private final List<String> codes = new ArrayList<>();
    private int produced;

    SessionsBench(Platform platform, Wrk wrk, Path work) {
        this.platform = platform;
        this.wrk = wrk;
        this.work = work;
    }

    /** The bench's series on visit-events, and six participants enrolled in it once sessions has its copy. */
    void prepare(String token) throws IOException, InterruptedException {
        LocalDate today = LocalDate.now(HELSINKI);
        ObjectNode data = JSON.createObjectNode().put("id", series.toString()).put("version", 0)
                .put("groupId", group.toString()).put("siteId", site.toString()).put("pairId", pair.toString());
        data.putArray("artForms").add("MUSIC");
        data.put("plannedSessions", 30).putNull("sessionCountReason").put("frequency", "WEEKLY")
                .put("weekday", today.getDayOfWeek().name()).put("startTime", STARTS + ":00")
                .put("durationMinutes", VISIT_LENGTH.toMinutes()).put("firstDate", today.minusDays(DAYS_BACK).toString())
                .put("plannedEnd", today.plusDays(DAYS_BACK).toString()).put("status", "ACTIVE").putNull("statusReason");
        produce(List.of(event("series.planned", series, data)));
        ObjectNode participant = JSON.createObjectNode().put("seriesId", series.toString());
        participant.putObject("consent").put("givenBy", "PERSON")
                .put("givenOn", today.minusDays(DAYS_BACK + 30).toString()).putArray("covers").add("PARTICIPATION");
        for (int i = 0; i < PARTICIPANTS; i++) {
            codes.add(enrol(token, participant));
        }
    }

    /**
     * {@code count} past visits of the bench's series produced onto visit-events; answers when sessions-service has
     * them all (the last one of each partition: a partition is consumed in order).
     */
    Visits visits(String token, int count) throws IOException, InterruptedException {
        LocalDate yesterday = LocalDate.now(HELSINKI).minusDays(1);
        List<UUID> ids = new ArrayList<>(count);
        List<Instant> starts = new ArrayList<>(count);
        List<ProducerRecord<String, String>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int ordinal = ++produced;
            UUID id = UUID.randomUUID();
            Instant start = yesterday.minusDays(ordinal % DAYS_BACK).atTime(STARTS).atZone(HELSINKI).toInstant();
            ObjectNode data = JSON.createObjectNode().put("id", id.toString()).put("version", 0)
                    .put("seriesId", series.toString()).put("ordinal", ordinal).put("pairId", pair.toString())
                    .put("siteId", site.toString()).put("artsProfessionalId", arts.toString())
                    .put("careProfessionalId", care.toString()).put("startsAt", start.toString())
                    .put("endsAt", start.plus(VISIT_LENGTH).toString()).put("status", "SCHEDULED").put("sequence", 0)
                    .putNull("reason").putNull("previousStartsAt").putNull("previousEndsAt").putNull("sessionRecordId");
            events.add(event("visit.scheduled", id, data));
            ids.add(id);
            starts.add(start);
        }
        long begin = System.nanoTime();
        Set<UUID> lastOfEachPartition = new LinkedHashSet<>(produce(events).values());
        // Sessions copies a few hundred visits a second or more; a minute on top for a slow start.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).plusMillis(20L * count).toNanos();
        while (!lastOfEachPartition.isEmpty()) {
            for (UUID id : List.copyOf(lastOfEachPartition)) {
                if (known(token, id)) {
                    lastOfEachPartition.remove(id);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("sessions-service had not copied the bench's " + count
                        + " visits from visit-events in time (still unknown: " + lastOfEachPartition + ")");
            }
            if (!lastOfEachPartition.isEmpty()) {
                Thread.sleep(200);
            }
        }
        return new Visits(ids, starts, count / ((System.nanoTime() - begin) / 1e9));
    }

    /**
     * wrk POSTs a record for each of the visits (each once) for {@code seconds}. A warm-up may run out of visits (its
     * rate is what it measures); any other answer than 201, or a measured run that runs out, stops the bench.
     */
    Wrk.Result record(String label, String token, Visits visits, int seconds, boolean warmup)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path bodies = work.resolve("records-" + label.replaceAll("[^a-z0-9]+", "-") + ".jsonl");
        List<String> lines = new ArrayList<>(visits.ids().size());
        for (int i = 0; i < visits.ids().size(); i++) {
            lines.add(JSON.writeValueAsString(body(visits.ids().get(i), visits.starts().get(i))));
        }
        Files.write(bodies, lines, StandardCharsets.UTF_8);
        Wrk.Result result;
        try {
            result = wrk.run(label, "record-session.lua", platform.gateway + "/api/session-records", token, seconds,
                    Map.of("BENCH_BODIES", bodies.toString()));
        } finally {
            Files.deleteIfExists(bodies);
        }
        boolean ranOut = result.exhausted() > 0;
        if (!warmup && ranOut) {
            throw new IllegalStateException(label + ": the run used all " + visits.ids().size() + " visits before its "
                    + seconds + " s were over (records came faster than 3 × the warm-up's rate)");
        }
        if (!ranOut && (result.failure() != null || result.non2xx() > 0 || result.socketErrors() > 0)) {
            throw new IllegalStateException(label + ": " + (result.requests() - result.created()) + " of "
                    + result.requests() + " answers were not 201 Created (" + result.socketErrors()
                    + " socket errors); the first: " + result.failure());
        }
        return result;
    }

    /** A held session's record for the visit starting at {@code start}: the six participants present. */
    ObjectNode body(UUID visit, Instant start) {
        ObjectNode body = JSON.createObjectNode().put("visitId", visit.toString()).put("held", true)
                .put("startedAt", start.plus(Duration.ofMinutes(5)).toString())
                .put("endedAt", start.plus(VISIT_LENGTH).minus(Duration.ofMinutes(5)).toString());
        codes.forEach(body.putArray("participantCodes")::add);
        body.put("extraAttendees", EXTRA_ATTENDEES);
        body.putArray("staffProfessionalIds");
        body.put("otherStaffCount", OTHER_STAFF);
        body.putArray("artForms").add("MUSIC");
        body.putArray("methods").add("singing");
        return body.put("observations", OBSERVATIONS).put("reflection", REFLECTION);
    }

    // --- the limit: the same inserts straight into PostgreSQL ---------------------------------------------------

    /**
     * The tables the limit writes to: sessions-service's own, made by its migrations and platform-commons' (in
     * Flyway's order), in the bench's database, so that they have the same columns, constraints, indexes and triggers.
     * One thing is left out: the outbox's NOTIFY trigger, which wakes the relay; the limit is the inserts alone.
     */
    static List<Path> migrations(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("platform-commons/src/main/resources/db/platform",
                "sessions-service/src/main/resources/db/migration")) {
            try (Stream<Path> found = Files.list(root.resolve(dir))) {
                found.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.*\\.sql")).forEach(files::add);
            }
        }
        files.sort(Comparator.comparing(SessionsBench::version, SessionsBench::compareVersions));
        return files;
    }

    /** A migration's version as Flyway reads it from the file name: V0_4__x.sql is 0.4. */
    static int[] version(Path migration) {
        String name = migration.getFileName().toString();
        return Arrays.stream(name.substring(1, name.indexOf("__")).split("_")).mapToInt(Integer::parseInt).toArray();
    }

    static int compareVersions(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int difference = Integer.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    /** After the migrations: no relay wake-up, and the six participants every record marks present. */
    String pgbenchSetup() {
        return "drop trigger if exists outbox_event_notify on outbox_event;"
                + " insert into participant (id, version, series_id, code, consent_given_by, consent_given_on,"
                + " consent_covers, enrolled_at, enrolled_by, updated_at)"
                + " select ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 0, '" + series + "',"
                + " 'BENCH' || lpad(i::text, 4, '0'), 'PERSON', current_date - 90, '{PARTICIPATION}', now(), 'kaisa',"
                + " now() from generate_series(1, " + PARTICIPANTS + ") i";
    }

    /**
     * One pgbench transaction: the inserts of one session record, statement by statement as sessions-service makes
     * them (the record, each attendance, the audit entry, the outbox event with the record's event data), without the
     * reads that come before them (the visit, an earlier record, the participants and their consent).
     */
    String pgbenchScript() {
        List<String> participants = new ArrayList<>();
        for (int i = 1; i <= PARTICIPANTS; i++) {
            participants.add(String.format("00000000-0000-4000-8000-%012d", i));
        }
        String record = "md5('record' || :r::text)::uuid";
        String visit = "md5('visit' || :r::text)::uuid";
        String started = "now() - interval '1 day'";
        String ended = "now() - interval '1 day' + interval '80 minutes'";
        StringBuilder sql = new StringBuilder();
        sql.append("\\set r random(1, 1000000000000000)\n");
        sql.append("begin;\n");
        sql.append("insert into session_record (id, version, visit_id, series_id, site_id, pair_id, held, started_at,"
                + " ended_at, extra_attendees, other_staff_count, art_forms, methods, observations, reflection,"
                + " recorded_at, recorded_by, correctable_until, updated_at) values (" + record + ", 0, " + visit
                + ", '" + series + "', '" + site + "', '" + pair + "', true, " + started + ", " + ended + ", "
                + EXTRA_ATTENDEES + ", " + OTHER_STAFF + ", '{MUSIC}', '{singing}', '" + OBSERVATIONS + "', '"
                + REFLECTION + "', now(), 'kaisa', now() + interval '14 days', now());\n");
        for (String participant : participants) {
            sql.append("insert into session_attendance (session_record_id, participant_id) values (" + record + ", '"
                    + participant + "');\n");
        }
        String ids = participants.stream().collect(Collectors.joining(","));
        sql.append("insert into audit_entry (id, at, actor, actor_subject, actor_organisation, actor_roles, action,"
                + " endpoint, participant_ids, series_id, detail) values (md5('audit' || :r::text)::uuid, now(),"
                + " 'kaisa', '" + UUID.randomUUID() + "', null,"
                + " '{coordinator,default-roles-voimala,offline_access,uma_authorization}', 'RECORD_SESSION',"
                + " 'POST /api/session-records', '{" + ids + "}', '" + series + "', 'session record ' || " + record
                + "::text || ' of visit ' || " + visit + "::text);\n");
        String participantIds = participants.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
        sql.append("insert into outbox_event (id, topic, type, subject, occurred_at, payload, traceparent) values"
                + " (md5('event' || :r::text)::uuid, 'session-events', 'fi.voimala.session.record.recorded.v1', "
                + record + "::text, now(), jsonb_build_object('id', " + record + ", 'version', 0, 'visitId', " + visit
                + ", 'seriesId', '" + series + "', 'siteId', '" + site + "', 'pairId', '" + pair + "', 'held', true,"
                + " 'notHeldReason', null, 'startedAt', " + started + ", 'endedAt', " + ended + ","
                + " 'participantIds', jsonb_build_array(" + participantIds + "), 'extraAttendees', " + EXTRA_ATTENDEES
                + ", 'staffProfessionalIds', jsonb_build_array(), 'otherStaffCount', " + OTHER_STAFF + ","
                + " 'artForms', jsonb_build_array('MUSIC'), 'methods', jsonb_build_array('singing')),"
                + " '00-" + UUID.randomUUID().toString().replace("-", "") + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "-01');\n");
        sql.append("commit;\n");
        return sql.toString();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A scheduling event as scheduling-service's relay sends it (docs/events.md): CloudEvent headers, key = id. */
    private static ProducerRecord<String, String> event(String happened, UUID subject, ObjectNode data) {
        ProducerRecord<String, String> record = new ProducerRecord<>("visit-events", subject.toString(), data.toString());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", "fi.voimala.scheduling." + happened + ".v1");
        header(record, "ce_source", "/voimala/bench");
        header(record, "ce_subject", subject.toString());
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the events in order; answers the last subject sent to each partition. */
    private Map<Integer, UUID> produce(List<ProducerRecord<String, String>> events) throws IOException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        Map<Integer, UUID> last = new LinkedHashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
            for (ProducerRecord<String, String> event : events) {
                sent.add(producer.send(event));
            }
            producer.flush();
            for (int i = 0; i < sent.size(); i++) {
                last.put(sent.get(i).get().partition(), UUID.fromString(events.get(i).key()));
            }
        } catch (Exception e) {
            throw new IOException("could not publish the bench's events onto visit-events", e);
        }
        return last;
    }

    /**
     * Whether sessions-service knows the visit, asked without recording it: a held session without its times is
     * refused, with {@code visit-known} while the visit is unknown and with the missing times once it is known.
     */
    private boolean known(String token, UUID visit) throws IOException, InterruptedException {
        String probe = JSON.createObjectNode().put("visitId", visit.toString()).put("held", true).toString();
        HttpResponse<String> answer = platform.send(token, "POST", "/api/session-records", probe);
        if (answer.statusCode() != 422) {
            throw new IOException("asking sessions-service whether it knows visit " + visit + ": expected 422, got "
                    + answer.statusCode() + " " + answer.body());
        }
        return !answer.body().contains("visit-known");
    }

    /**
     * Enrols a participant and answers their code; retried for up to a minute while sessions-service has not yet
     * copied the series from visit-events (its answer then names seriesId).
     */
    private String enrol(String token, ObjectNode participant) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> answer = platform.send(token, "POST", "/api/participants", participant.toString());
            if (answer.statusCode() == 201) {
                JsonNode code = JSON.readTree(answer.body()).get("code");
                if (code == null) {
                    throw new IOException("POST /api/participants answered no code: " + answer.body());
                }
                return code.asText();
            }
            boolean seriesUnknown = answer.statusCode() == 404
                    || answer.statusCode() == 422 && answer.body().contains("seriesId");
            if (!seriesUnknown || System.nanoTime() > deadline) {
                throw new IOException("POST /api/participants failed (" + answer.statusCode() + "): " + answer.body());
            }
            Thread.sleep(200);
        }
    }
}
