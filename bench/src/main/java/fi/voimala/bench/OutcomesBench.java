package fi.voimala.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * outcomes-service's two measured promises. (1) The outcome query over 1,000,000 measurements: the bench fills
 * outcomes' database with {@link OutcomesBenchData} in bulk (COPY), reads it through the gateway with wrk, and runs the
 * very statements the service runs for the same filter in PostgreSQL with pgbench (the limit), then deletes its rows.
 * (2) From a measurement's HTTP answer to its {@code series-outcome.updated} event at a Kafka consumer, for a series
 * of its own planned through the API.
 */
final class OutcomesBench {

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

    /**
     * A series of the bench's own ({@link OutcomeSeries}) with {@code warmup + count} participants; then, one at a
     * time, 20 ms apart, each one's END, timed from its answer to the arrival of the series' outcome event at a plain
     * consumer of outcome-events. The warm-up covers the four suppressed events (fewer than five people). Answers
     * the milliseconds of the measured ones.
     */
    double[] eventLatency(String token, String organisation, int warmup, int count)
            throws IOException, InterruptedException {
        OutcomeSeries series = OutcomeSeries.plan(platform, token, organisation, warmup + count);
        OutcomeSeries.Arrivals consumer = new OutcomeSeries.Arrivals("a consumer of outcome-events");
        try (OutcomeSeries.Consuming consuming = series.consume(consumer)) {
            return series.endsOneAtATime(token, warmup, count, 20, List.of(consumer))[0];
        }
    }
}
