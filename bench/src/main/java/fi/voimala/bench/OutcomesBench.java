package fi.voimala.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

/**
 * outcomes-service's two measured promises. (1) The outcome query over 1,000,000 measurements: the bench fills
 * outcomes' database with {@link OutcomesBenchData} in bulk (COPY), reads it through the gateway with wrk, and runs the
 * very statements the service runs for the same filter in PostgreSQL with pgbench (the limit), then deletes its rows.
 * (2) From a measurement's HTTP answer to its {@code series-outcome.updated} event at a Kafka consumer, for a series
 * of its own planned through the API.
 */
final class OutcomesBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    /** The dashboard's typical network-wide query: one target group (a sixth of the series), one instrument. */
    static final String TARGET_GROUP = "DAY_GROUP_CLIENTS";
    static final String INSTRUMENT = "ucla-3";

    /** A query of the benchmark: its path through the gateway and the variables of the service's SQL for pgbench. */
    record Query(String name, String path, boolean bySeries, Map<String, String> variables) {
    }

    private final Platform platform;
    private final PgBench pg;
    private final String database;
    private final Path work;
    private OutcomesBenchData data;

    OutcomesBench(Platform platform, PgBench pg, String database, Path work) {
        this.platform = platform;
        this.pg = pg;
        this.database = database;
        this.work = work;
    }

    /** outcomes-service's database in the platform's data space: outcomes, or outcomes_SPACE (see ./voimala). */
    static String database(String space) {
        return space == null || space.isBlank() ? "outcomes" : "outcomes_" + space;
    }

    // --- 1. the data ----------------------------------------------------------------------------------------

    /**
     * Deletes what an earlier run may have left, writes the plan's rows to CSV files and COPYs them in, checks them in
     * the database (the counts, and series_outcome against the sums of paired_change) and ANALYZEs the tables, as
     * they would be in a database that grew to this size. Answers the seconds the loading took.
     */
    double load(OutcomesBenchData.Plan plan) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        delete();
        Map<String, UUID> instruments = new LinkedHashMap<>();
        for (String line : pg.psql(database, "select key || '|' || id from instrument where version = 1 and key in ('"
                + OutcomesBenchData.UCLA + "', '" + OutcomesBenchData.PHYSICAL + "', '" + OutcomesBenchData.MOOD
                + "')").split("\n")) {
            if (!line.isBlank()) {
                String[] kv = line.trim().split("\\|");
                instruments.put(kv[0], UUID.fromString(kv[1]));
            }
        }
        if (instruments.size() != 3) {
            throw new IOException("outcomes' database " + database + " lacks the shipped instruments: " + instruments);
        }
        data = new OutcomesBenchData(plan, UUID.randomUUID().getMostSignificantBits(), instruments,
                Instant.now().toString());
        Files.createDirectories(work);
        Map<String, BufferedWriter> files = new LinkedHashMap<>();
        try {
            for (String table : OutcomesBenchData.COLUMNS.keySet()) {
                files.put(table, Files.newBufferedWriter(work.resolve(table + ".csv"), StandardCharsets.UTF_8));
            }
            data.write((table, values) -> {
                try {
                    BufferedWriter file = files.get(table);
                    file.write(OutcomesBenchData.csv(values));
                    file.write('\n');
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } finally {
            for (BufferedWriter file : files.values()) {
                file.close();
            }
        }
        try {
            for (Map.Entry<String, String> table : OutcomesBenchData.COLUMNS.entrySet()) {
                pg.psql(database, "\\copy " + table.getKey() + " (" + table.getValue() + ") from '"
                        + work.resolve(table.getKey() + ".csv") + "' with (format csv)");
            }
        } finally {
            for (String table : OutcomesBenchData.COLUMNS.keySet()) {
                Files.deleteIfExists(work.resolve(table + ".csv"));
            }
        }
        for (String statement : OutcomesBenchData.tallySql()) {
            pg.psql(database, statement);
        }
        String[] check = pg.psql(database, OutcomesBenchData.checkSql()).trim().split("\\|");
        if (Long.parseLong(check[0]) != plan.measurements() || Long.parseLong(check[1]) != plan.pairedChanges()
                || Long.parseLong(check[2]) != plan.outcomes() || Long.parseLong(check[3]) != 0) {
            throw new IOException("the bench's rows in " + database + " are not as planned: " + check[0]
                    + " measurements, " + check[1] + " paired changes, " + check[2] + " outcome rows, " + check[3]
                    + " outcome rows differing from their paired changes' sums");
        }
        // Vacuumed too, so that autovacuum does not start on the million new rows in the middle of the measurement.
        for (String table : OutcomesBenchData.COLUMNS.keySet()) {
            pg.psql(database, "vacuum analyze " + table);
        }
        pg.psql(database, "vacuum analyze series_attendance");
        pg.psql(database, "vacuum analyze series_dose_outcome");
        return (System.nanoTime() - begin) / 1e9;
    }

    /** Deletes the bench's rows (this run's and any earlier run's), then vacuums the tables they were in. */
    void delete() throws IOException, InterruptedException {
        pg.psql(database, String.join(";\n", OutcomesBenchData.deleteSql()));
        for (String table : OutcomesBenchData.COLUMNS.keySet()) {
            pg.psql(database, "vacuum analyze " + table);
        }
        pg.psql(database, "vacuum analyze series_attendance");
        pg.psql(database, "vacuum analyze series_dose_outcome");
    }

    /** The two queries: a target group's UCLA-3 network-wide, and one series (all its instruments). */
    List<Query> queries() {
        List<UUID> group = data.seriesOf(TARGET_GROUP);
        String series = group.get(group.size() / 2).toString();
        return List.of(
                new Query("network-wide, one target group (" + group.size() + " series), UCLA-3",
                        "/api/outcomes?targetGroup=" + TARGET_GROUP + "&instrumentKey=" + INSTRUMENT, false,
                        Map.of("targetGroup", TARGET_GROUP, "instrumentKey", INSTRUMENT)),
                new Query("one series, every instrument", "/api/outcomes?seriesId=" + series, true,
                        Map.of("seriesId", series)));
    }

    /**
     * The statements outcomes-service runs for the query, for a coordinator (no scope condition), in its order (see
     * OutcomeQuery): one statement for the series count, the summed outcomes, the sums by dose band and the tallies of
     * attendance, and, for one series, the series, its pair and site (access) and each participant's changes. pgbench variables (-D) stand for the
     * parameters: with -M prepared they are sent as parameters, as the service's client sends them. Keep in step
     * with outcomes-service's OutcomeQuery.
     */
    static String serviceSql(Query query) {
        String where = query.bySeries() ? "s.id = :seriesId" : "g.target_group = :targetGroup";
        String chosen = "select s.id from series_copy s left join group_copy g on g.id = s.group_id"
                + " left join site_copy si on si.id = s.site_id where true and " + where;
        String instrumentO = query.bySeries() ? "" : " and o.instrument_key = :instrumentKey";
        String sums = "sum(o.people), sum(o.n), sum(o.sum_before), sum(o.sum_after), sum(o.sum_before_sq),"
                + " sum(o.sum_after_sq), sum(o.sum_change), sum(o.sum_change_sq), sum(o.reaching_mid)";
        List<String> sql = new ArrayList<>();
        sql.add("with chosen as materialized (" + chosen + ")"
                + " select 'outcome', o.instrument_key, o.score_key, o.comparison, o.subject_type, " + sums + ", null"
                + " from series_outcome o where o.series_id in (select id from chosen)" + instrumentO
                + " group by 2, 3, 4, 5"
                + " union all select 'dose', o.instrument_key, o.score_key, o.comparison, o.subject_type, " + sums
                + ", o.dose_band from series_dose_outcome o where o.series_id in (select id from chosen)" + instrumentO
                + " group by 2, 3, 4, 5, 15"
                + " union all select 'tally', null, null, null, null, (select count(*) from chosen),"
                + " (select coalesce(sum(s.planned_sessions), 0) from series_copy s where s.id in (select id from chosen)),"
                + " coalesce(sum(a.sessions_held), 0), coalesce(sum(a.participants), 0), coalesce(sum(a.attendances), 0),"
                + " null, null, null, null, null from series_attendance a where a.series_id in (select id from chosen);");
        if (query.bySeries()) {
            sql.add("select * from series_copy where id = :seriesId;");
            sql.add("select * from pair_copy where id = (select pair_id from series_copy where id = :seriesId);");
            sql.add("select * from site_copy where id = (select site_id from series_copy where id = :seriesId);");
            sql.add("select p.code, pc.instrument_key, pc.score_key, pc.comparison, pc.before, pc.after,"
                    + " pc.reaches_mid, p.sessions_attended from paired_change pc join participant_copy p on p.id ="
                    + " pc.subject_id where pc.series_id = :seriesId and pc.comparison <> 'SESSION'"
                    + " order by p.code, pc.instrument_key, pc.score_key, pc.comparison;");
        }
        return String.join("\n", sql) + "\n";
    }

    /** pgbench's -D options defining the query's variables. */
    static List<String> pgbenchVariables(Query query) {
        List<String> options = new ArrayList<>(List.of("-M", "prepared"));
        query.variables().forEach((name, value) -> {
            options.add("-D");
            options.add(name + "=" + value);
        });
        return options;
    }

    // --- 2. measurement → series-outcome.updated ---------------------------------------------------------------

    /** One series-outcome.updated event of the bench's series: when it arrived, and its BASELINE_TO_END n (null: suppressed). */
    record Arrival(long nanos, Long n) {
    }

    /**
     * A series of the bench's own planned through the API (a senior house, a pair, a group), a plan of UCLA-3 at
     * BASELINE and END, {@code warmup + count} participants enrolled through sessions-service, each one's BASELINE
     * entered once outcomes knows them; then, one at a time, each one's END, timed from its answer to the arrival of
     * the series' outcome event at a consumer of outcome-events. The first four events are suppressed (fewer than
     * five people): the warm-up covers them. Answers the milliseconds of the measured ones.
     */
    double[] eventLatency(String token, String organisation, int warmup, int count)
            throws IOException, InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String site = created(token, "/api/sites", JSON.createObjectNode().put("organisationId", organisation)
                .put("name", "BENCH tulostalo " + run).put("type", "SENIOR_HOUSE").put("city", "Kuopio"));
        String arts = created(token, "/api/professionals", person(organisation, run, "ARTS_AND_CULTURE", "MUSICIAN"));
        String care = created(token, "/api/professionals", person(organisation, run, "SOCIAL_AND_HEALTH", "NURSE"));
        String pair = created(token, "/api/pairs", JSON.createObjectNode().put("artsProfessionalId", arts)
                .put("careProfessionalId", care));
        ObjectNode group = JSON.createObjectNode().put("siteId", site).put("name", "BENCH tulosryhmä " + run)
                .put("targetGroup", "SENIOR_HOUSE_RESIDENTS").put("size", 12);
        group.putArray("needs");
        String groupId = created(token, "/api/groups", group);
        ObjectNode series = JSON.createObjectNode().put("groupId", groupId).put("pairId", pair)
                .put("plannedSessions", 20).put("frequency", "WEEKLY").put("startTime", "10:00")
                .put("durationMinutes", 90).put("firstDate", LocalDate.of(2032, 3, 1).toString());
        series.putArray("artForms").add("MUSIC");
        String seriesId = created(token, "/api/series", series);
        String plan = "{\"points\":[{\"instrumentKey\":\"ucla-3\",\"timePoint\":\"BASELINE\"},"
                + "{\"instrumentKey\":\"ucla-3\",\"timePoint\":\"END\"}]}";
        retried(token, "PUT", "/api/measurement-plans/" + seriesId, plan, 200, "the measurement plan");
        LocalDate today = LocalDate.now(HELSINKI);
        ObjectNode participant = JSON.createObjectNode().put("seriesId", seriesId);
        ObjectNode consent = participant.putObject("consent").put("givenBy", "PERSON")
                .put("givenOn", today.minusDays(30).toString());
        consent.putArray("covers").add("PARTICIPATION").add("MEASUREMENTS").add("RESEARCH_USE");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < warmup + count; i++) {
            codes.add(JSON.readTree(retried(token, "POST", "/api/participants", participant.toString(), 201,
                    "enrolling a participant")).get("code").asText());
        }
        for (String code : codes) {
            retried(token, "POST", "/api/measurements", measurement(seriesId, code, "BASELINE", 8, today), 201,
                    "a baseline");
        }
        List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        Thread consumer = new Thread(() -> consume(seriesId, arrivals, stop), "bench-outcome-events");
        consumer.start();
        try {
            Thread.sleep(3000); // assigned and positioned at the end before the first END
            double[] latencies = new double[count];
            for (int i = 0; i < warmup + count; i++) {
                HttpResponse<String> answer = platform.send(token, "POST", "/api/measurements",
                        measurement(seriesId, codes.get(i), "END", 3 + i % 7, today));
                long answered = System.nanoTime();
                if (answer.statusCode() != 201) {
                    throw new IOException("END measurement " + i + " failed (" + answer.statusCode() + "): "
                            + answer.body());
                }
                long deadline = answered + Duration.ofSeconds(10).toNanos();
                while (arrivals.size() <= i) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("the series-outcome.updated event after END measurement " + i
                                + " did not arrive within 10 s");
                    }
                    Thread.onSpinWait();
                }
                Arrival arrival = arrivals.get(i);
                if (arrival.n() != null ? arrival.n() != i + 1 : i + 1 >= 5) {
                    throw new IOException("after END measurement " + (i + 1) + " the series-outcome.updated event"
                            + " showed n = " + arrival.n());
                }
                if (i >= warmup) {
                    latencies[i - warmup] = (arrival.nanos() - answered) / 1e6;
                }
                Thread.sleep(20); // apart, so that each event is relayed on its own
            }
            return latencies;
        } finally {
            stop.set(true);
            consumer.join(5000);
        }
    }

    private void consume(String seriesId, List<Arrival> arrivals, AtomicBoolean stop) {
        try (KafkaConsumer<String, String> consumer = KafkaConsumers.atEnd(platform.kafka, "outcome-events")) {
            while (!stop.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Header subject = record.headers().lastHeader("ce_subject");
                    Header type = record.headers().lastHeader("ce_type");
                    if (subject != null && type != null
                            && seriesId.equals(new String(subject.value(), StandardCharsets.UTF_8))
                            && new String(type.value(), StandardCharsets.UTF_8).endsWith("series-outcome.updated.v1")) {
                        arrivals.add(new Arrival(now, baselineToEndN(record.value())));
                    }
                }
            }
        }
    }

    /** The UCLA-3 total's BASELINE_TO_END n in a series-outcome.updated event's data; null when suppressed. */
    static Long baselineToEndN(String value) {
        try {
            JsonNode data = JSON.readTree(value);
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
        } catch (IOException e) {
            return null;
        }
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

    private String created(String token, String path, ObjectNode body) throws IOException, InterruptedException {
        return JSON.readTree(retried(token, "POST", path, body.toString(), 201, "POST " + path)).get("id").asText();
    }

    /**
     * Sends until the expected status, for up to a minute while the answer says that the service has not yet copied
     * what the request names from another service's events (404, or 422 referenced-exists); answers the body.
     */
    private String retried(String token, String method, String path, String body, int expected, String what)
            throws IOException, InterruptedException {
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
