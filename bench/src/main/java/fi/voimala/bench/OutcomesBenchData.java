package fi.voimala.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The rows the outcome-query benchmark puts straight into outcomes-service's database: series with their groups and
 * sites, participants, held sessions, and their measurements (1,000,000 with the default {@link Plan}), with each
 * person's paired changes and each series' sums ({@code series_outcome}) computed from them as outcomes' OutcomeBook
 * keeps them. Each participant answers UCLA-3 and the physical-function set at BASELINE and END, and the mood check
 * before and after each of the series' held sessions: 4 + 2 × sessions measurements, 2 + sessions paired changes.
 *
 * <p>Answers are drawn from a generator seeded by series and participant (the same data every run); the ids carry
 * the run's own high half, and the groups and sites are named "{@value #MARK} …", by which the bench finds and
 * deletes its rows again ({@link #deleteSql()}), also those of a run that broke off.
 */
final class OutcomesBenchData {

    /** Names of the bench's groups and sites: what marks its rows in outcomes' database. */
    static final String MARK = "BENCH outcomes";
    static final List<String> TARGET_GROUPS = List.of("HOME_DWELLING_ELDERLY", "DAY_GROUP_CLIENTS",
            "HOUSING_UNIT_RESIDENTS", "SENIOR_HOUSE_RESIDENTS", "RESPITE_CARE_RESIDENTS", "WARD_PATIENTS");
    static final List<String> ART_FORMS = List.of("MUSIC", "DANCE", "VISUAL_ARTS", "DRAMA", "LITERATURE",
            "PHOTOGRAPHY", "CRAFTS");
    static final String UCLA = "ucla-3";
    static final String PHYSICAL = "physical-function";
    static final String MOOD = "session-mood";
    static final int SITES = 100;
    static final int ORGANISATIONS = 10;
    static final UUID NO_VISIT = new UUID(0, 0);
    private static final LocalDate FIRST_SEASON = LocalDate.of(2024, 1, 8);

    /** How many series, participants in each, and held sessions each (every participant at every one). */
    record Plan(int series, int participants, int sessions) {

        /** 2,000 series of 25 people, 8 sessions: 2000 × 25 × (4 + 2 × 8) = 1,000,000 measurements. */
        static final Plan MILLION = new Plan(2000, 25, 8);

        long measurements() {
            return (long) series * participants * (4 + 2L * sessions);
        }

        long pairedChanges() {
            return (long) series * participants * (2 + sessions);
        }

        long outcomes() {
            return 3L * series;
        }
    }

    /** Receives the rows, table by table, as column values in the order of {@link #COLUMNS} (null: SQL NULL). */
    interface Sink {
        void row(String table, List<String> values);
    }

    /** The columns each table's rows give, in order: what the loader names in its COPY. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("site_copy", "id, version, organisation_id, name, type, status");
        COLUMNS.put("group_copy", "id, version, site_id, name, target_group, size");
        COLUMNS.put("series_copy", "id, version, group_id, site_id, pair_id, art_forms, planned_sessions,"
                + " duration_minutes, first_date, planned_end, status");
        COLUMNS.put("participant_copy", "id, version, series_id, code, consent_covers");
        COLUMNS.put("session_record_copy", "id, version, visit_id, series_id, held, started_at, participant_ids");
        COLUMNS.put("measurement", "id, version, series_id, instrument_id, instrument_key, time_point, visit_id,"
                + " participant_id, measured_on, answers, scores, in_window, window_opens, window_closes, recorded_at,"
                + " recorded_by, updated_at");
        COLUMNS.put("paired_change", "series_id, instrument_key, score_key, comparison, subject_id, visit_id,"
                + " subject_type, before, after, reaches_mid");
        COLUMNS.put("series_outcome", "series_id, instrument_key, score_key, comparison, subject_type, n, people,"
                + " sum_before, sum_after, sum_before_sq, sum_after_sq, sum_change, sum_change_sq, reaching_mid,"
                + " updated_at");
    }

    private final Plan plan;
    private final long run;
    private final Map<String, UUID> instruments;
    private final String now;

    /**
     * @param run         the high half of every id this run makes
     * @param instruments the ids of version 1 of ucla-3, physical-function and session-mood in outcomes' database
     * @param now         recorded_at and updated_at, as PostgreSQL reads a timestamptz
     */
    OutcomesBenchData(Plan plan, long run, Map<String, UUID> instruments, String now) {
        this.plan = plan;
        this.run = run;
        this.instruments = instruments;
        this.now = now;
    }

    // --- ids: the run's high half, a kind and a counter in the low half ---------------------------------------

    private UUID id(int kind, long n) {
        return new UUID(run, ((long) kind << 48) | n);
    }

    UUID series(int s) {
        return id(1, s);
    }

    private UUID group(int s) {
        return id(2, s);
    }

    private UUID site(int s) {
        return id(3, s % SITES);
    }

    private UUID participant(int s, int p) {
        return id(4, (long) s * plan.participants() + p);
    }

    UUID visit(int s, int k) {
        return id(5, (long) s * plan.sessions() + k);
    }

    private UUID record(int s, int k) {
        return id(6, (long) s * plan.sessions() + k);
    }

    static String targetGroup(int s) {
        return TARGET_GROUPS.get(s % TARGET_GROUPS.size());
    }

    static String artForm(int s) {
        return ART_FORMS.get(s % ART_FORMS.size());
    }

    /** Seasons 2024-spring to 2027-autumn, each target group spread over all eight. */
    static LocalDate firstDate(int s) {
        int season = (s / TARGET_GROUPS.size()) % 8;
        return FIRST_SEASON.plusMonths(6L * season).plusDays(7L * ((s / 48) % 12));
    }

    /** The series of a target group, in order: what the query by series picks from. */
    List<UUID> seriesOf(String targetGroup) {
        List<UUID> found = new ArrayList<>();
        for (int s = 0; s < plan.series(); s++) {
            if (targetGroup(s).equals(targetGroup)) {
                found.add(series(s));
            }
        }
        return found;
    }

    // --- the rows -------------------------------------------------------------------------------------------

    /** Every row, table by table within each series (sites first). */
    void write(Sink sink) {
        for (int i = 0; i < Math.min(SITES, plan.series()); i++) {
            sink.row("site_copy", List.of(site(i).toString(), "0", id(8, i % ORGANISATIONS).toString(),
                    MARK + " site " + i, "SENIOR_HOUSE", "OPEN"));
        }
        for (int s = 0; s < plan.series(); s++) {
            writeSeries(s, sink);
        }
    }

    private void writeSeries(int s, Sink sink) {
        UUID series = series(s);
        LocalDate first = firstDate(s);
        LocalDate last = first.plusWeeks(plan.sessions() - 1L);
        sink.row("group_copy", List.of(group(s).toString(), "0", site(s).toString(), MARK + " group " + s,
                targetGroup(s), String.valueOf(plan.participants())));
        sink.row("series_copy", List.of(series.toString(), "0", group(s).toString(), site(s).toString(),
                id(9, s).toString(), "{" + artForm(s) + "}", String.valueOf(plan.sessions() + 2), "90",
                first.toString(), first.plusWeeks(plan.sessions() + 1L).toString(), "ACTIVE"));
        List<String> people = new ArrayList<>();
        for (int p = 0; p < plan.participants(); p++) {
            people.add(participant(s, p).toString());
            sink.row("participant_copy", List.of(participant(s, p).toString(), "0", series.toString(),
                    String.format("BEN-%04d-%02d", s % 10000, p), "{PARTICIPATION,MEASUREMENTS,RESEARCH_USE}"));
        }
        for (int k = 0; k < plan.sessions(); k++) {
            sink.row("session_record_copy", List.of(record(s, k).toString(), "0", visit(s, k).toString(),
                    series.toString(), "true", first.plusWeeks(k) + "T10:00:00+02", "{" + String.join(",", people) + "}"));
        }
        Sums ucla = new Sums();
        Sums physical = new Sums();
        Sums mood = new Sums();
        long measurement = (long) s * plan.participants() * (4 + 2L * plan.sessions());
        for (int p = 0; p < plan.participants(); p++) {
            UUID person = participant(s, p);
            SplittableRandom random = new SplittableRandom(s * 1_000_003L + p);
            int[] uclaBefore = answers(random, 3, 1, 3);
            int[] uclaAfter = drift(random, uclaBefore, 1, 3, -1);
            int[] physicalBefore = answers(random, 3, 1, 5);
            int[] physicalAfter = drift(random, physicalBefore, 1, 5, 1);
            BigDecimal[] u = {uclaTotal(uclaBefore), uclaTotal(uclaAfter)};
            BigDecimal[][] f = {physicalScore(physicalBefore), physicalScore(physicalAfter)};
            sink.row("measurement", measurement(measurement++, series, UCLA, "BASELINE", null, person, first,
                    uclaAnswers(uclaBefore), score("total", u[0], u[0], 3)));
            sink.row("measurement", measurement(measurement++, series, UCLA, "END", null, person, last,
                    uclaAnswers(uclaAfter), score("total", u[1], u[1], 3)));
            sink.row("measurement", measurement(measurement++, series, PHYSICAL, "BASELINE", null, person, first,
                    physicalAnswers(physicalBefore), score("total", f[0][0], f[0][1], 3)));
            sink.row("measurement", measurement(measurement++, series, PHYSICAL, "END", null, person, last,
                    physicalAnswers(physicalAfter), score("total", f[1][0], f[1][1], 3)));
            // UCLA-3: lower is better, its minimal important difference 1; physical function: higher, 0.5.
            change(sink, series, UCLA, "total", "BASELINE_TO_END", person, NO_VISIT, u[0], u[1],
                    u[0].subtract(u[1]).compareTo(BigDecimal.ONE) >= 0, ucla);
            change(sink, series, PHYSICAL, "total", "BASELINE_TO_END", person, NO_VISIT, f[0][0], f[1][0],
                    f[1][0].subtract(f[0][0]).compareTo(new BigDecimal("0.5")) >= 0, physical);
            for (int k = 0; k < plan.sessions(); k++) {
                UUID visit = visit(s, k);
                LocalDate day = first.plusWeeks(k);
                int before = 1 + random.nextInt(5);
                int after = Math.max(1, Math.min(5, before + random.nextInt(3) - (random.nextInt(4) == 0 ? 1 : 0)));
                BigDecimal b = BigDecimal.valueOf(before);
                BigDecimal a = BigDecimal.valueOf(after);
                sink.row("measurement", measurement(measurement++, series, MOOD, "BEFORE_SESSION", visit, person, day,
                        "{\"mood\": " + before + "}", score("mood", b, b, 1)));
                sink.row("measurement", measurement(measurement++, series, MOOD, "AFTER_SESSION", visit, person, day,
                        "{\"mood\": " + after + "}", score("mood", a, a, 1)));
                change(sink, series, MOOD, "mood", "SESSION", person, visit, b, a,
                        a.subtract(b).compareTo(BigDecimal.ONE) >= 0, mood);
            }
        }
        sink.row("series_outcome", ucla.row(series, UCLA, "total", "BASELINE_TO_END", plan.participants(), now));
        sink.row("series_outcome", physical.row(series, PHYSICAL, "total", "BASELINE_TO_END", plan.participants(), now));
        sink.row("series_outcome", mood.row(series, MOOD, "mood", "SESSION", plan.participants(), now));
    }

    private List<String> measurement(long n, UUID series, String instrument, String timePoint, UUID visit, UUID person,
                                     LocalDate on, String answers, String scores) {
        return Arrays.asList(id(7, n).toString(), "0", series.toString(), instruments.get(instrument).toString(),
                instrument, timePoint, visit == null ? null : visit.toString(), person.toString(), on.toString(),
                answers, scores, "true", on.minusDays(7).toString(), on.plusDays(7).toString(), now, "bench", now);
    }

    /** A paired change as OutcomeBook stores it (numbers without trailing zeros), added to the series' sums. */
    private static void change(Sink sink, UUID series, String instrument, String score, String comparison,
                               UUID person, UUID visit, BigDecimal before, BigDecimal after, boolean reachesMid,
                               Sums sums) {
        BigDecimal b = before.stripTrailingZeros();
        BigDecimal a = after.stripTrailingZeros();
        sink.row("paired_change", List.of(series.toString(), instrument, score, comparison, person.toString(),
                visit.toString(), "PARTICIPANT", b.toPlainString(), a.toPlainString(), String.valueOf(reachesMid)));
        sums.add(b, a, reachesMid);
    }

    // --- answers and scores, as outcomes' Scorer computes them -------------------------------------------------

    private static int[] answers(SplittableRandom random, int items, int min, int max) {
        int[] a = new int[items];
        for (int i = 0; i < items; i++) {
            a[i] = min + random.nextInt(max - min + 1);
        }
        return a;
    }

    /** The later answers: each item moved by one in the {@code towards} direction now and then, or back. */
    private static int[] drift(SplittableRandom random, int[] before, int min, int max, int towards) {
        int[] a = before.clone();
        for (int i = 0; i < a.length; i++) {
            int roll = random.nextInt(10);
            int step = roll < 4 ? towards : roll < 5 ? -towards : 0;
            a[i] = Math.max(min, Math.min(max, a[i] + step));
        }
        return a;
    }

    /** UCLA-3: the sum of the three answers (3-9). */
    static BigDecimal uclaTotal(int[] a) {
        return BigDecimal.valueOf(a[0] + a[1] + a[2]);
    }

    /** Physical function: mobility, energy and pain reversed (6 − answer); value the mean to 2 decimals, raw the sum. */
    static BigDecimal[] physicalScore(int[] a) {
        long sum = a[0] + a[1] + (6 - a[2]);
        return new BigDecimal[] {BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP),
                BigDecimal.valueOf(sum).setScale(2, RoundingMode.HALF_UP)};
    }

    private static String uclaAnswers(int[] a) {
        return "{\"companionship\": " + a[0] + ", \"left-out\": " + a[1] + ", \"isolated\": " + a[2] + "}";
    }

    private static String physicalAnswers(int[] a) {
        return "{\"mobility\": " + a[0] + ", \"energy\": " + a[1] + ", \"pain\": " + a[2] + "}";
    }

    private static String score(String key, BigDecimal value, BigDecimal raw, int answered) {
        return "[{\"key\": \"" + key + "\", \"value\": " + value.toPlainString() + ", \"raw\": " + raw.toPlainString()
                + ", \"answered\": " + answered + ", \"missing\": 0, \"imputed\": false}]";
    }

    /** One series' sums on a score and comparison, as series_outcome keeps them. */
    static final class Sums {
        long n;
        long reachingMid;
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal after = BigDecimal.ZERO;
        BigDecimal beforeSq = BigDecimal.ZERO;
        BigDecimal afterSq = BigDecimal.ZERO;
        BigDecimal change = BigDecimal.ZERO;
        BigDecimal changeSq = BigDecimal.ZERO;

        void add(BigDecimal b, BigDecimal a, boolean reachesMid) {
            BigDecimal c = a.subtract(b);
            n++;
            before = before.add(b);
            after = after.add(a);
            beforeSq = beforeSq.add(b.multiply(b));
            afterSq = afterSq.add(a.multiply(a));
            change = change.add(c);
            changeSq = changeSq.add(c.multiply(c));
            reachingMid += reachesMid ? 1 : 0;
        }

        List<String> row(UUID series, String instrument, String score, String comparison, long people, String now) {
            return List.of(series.toString(), instrument, score, comparison, "PARTICIPANT", String.valueOf(n),
                    String.valueOf(people), before.toPlainString(), after.toPlainString(), beforeSq.toPlainString(),
                    afterSq.toPlainString(), change.toPlainString(), changeSq.toPlainString(),
                    String.valueOf(reachingMid), now);
        }
    }

    // --- SQL ------------------------------------------------------------------------------------------------

    /** A row as a line of CSV for COPY: fields quoted when need be, an unquoted empty field for NULL. */
    static String csv(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String v = values.get(i);
            if (v == null) {
                continue;
            }
            if (v.isEmpty() || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                line.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                line.append(v);
            }
        }
        return line.toString();
    }

    /** Deletes every row the bench put into outcomes' database, of this run or of an earlier one that broke off. */
    static List<String> deleteSql() {
        String series = "(select s.id from series_copy s join group_copy g on g.id = s.group_id"
                + " where g.name like '" + MARK + " %')";
        List<String> sql = new ArrayList<>();
        for (String table : List.of("measurement", "paired_change", "series_outcome", "series_dose_outcome",
                "series_attendance", "participant_copy", "session_record_copy")) {
            sql.add("delete from " + table + " where series_id in " + series);
        }
        sql.add("delete from series_copy where id in " + series);
        sql.add("delete from group_copy where name like '" + MARK + " %'");
        sql.add("delete from site_copy where name like '" + MARK + " %'");
        return sql;
    }

    /**
     * The dose as outcomes-service keeps it as records and measurements arrive, derived for the bench's series after
     * loading (as its migration V2 derives it from existing rows): each participant's sessions attended, each series'
     * tallies, and the outcome sums by band of sessions attended.
     */
    static List<String> tallySql() {
        String series = "(select s.id from series_copy s join group_copy g on g.id = s.group_id"
                + " where g.name like '" + MARK + " %')";
        return List.of(
                "update participant_copy p set sessions_attended = (select count(*) from session_record_copy r"
                        + " where r.held and r.series_id = p.series_id and p.id = any(r.participant_ids))"
                        + " where p.series_id in " + series,
                "insert into series_attendance (series_id, sessions_held, attendances, participants)"
                        + " select s.id, (select count(*) from session_record_copy r where r.held and r.series_id = s.id),"
                        + " (select coalesce(sum(cardinality(r.participant_ids)), 0) from session_record_copy r"
                        + " where r.held and r.series_id = s.id),"
                        + " (select count(*) from participant_copy p where p.series_id = s.id)"
                        + " from series_copy s where s.id in " + series,
                "insert into series_dose_outcome select pc.series_id, pc.instrument_key, pc.score_key, pc.comparison,"
                        + " case when p.sessions_attended < 5 then '0-4' when p.sessions_attended < 10 then '5-9'"
                        + " when p.sessions_attended < 15 then '10-14' else '15+' end, pc.subject_type, count(*),"
                        + " count(distinct pc.subject_id), sum(pc.before), sum(pc.after), sum(pc.before * pc.before),"
                        + " sum(pc.after * pc.after), sum(pc.after - pc.before),"
                        + " sum((pc.after - pc.before) * (pc.after - pc.before)), count(*) filter (where pc.reaches_mid)"
                        + " from paired_change pc join participant_copy p on p.id = pc.subject_id"
                        + " where pc.comparison <> 'SESSION' and pc.series_id in " + series
                        + " group by 1, 2, 3, 4, 5, 6");
    }

    /**
     * Checks, in the database after loading: how many measurements, paired changes and outcome rows the bench's series
     * have, and how many of its series_outcome rows differ from the sums of its paired changes (0 expected). One line,
     * the four numbers separated by '|'.
     */
    static String checkSql() {
        String series = "(select s.id from series_copy s join group_copy g on g.id = s.group_id"
                + " where g.name like '" + MARK + " %')";
        return "select (select count(*) from measurement where series_id in " + series + ")"
                + " || '|' || (select count(*) from paired_change where series_id in " + series + ")"
                + " || '|' || (select count(*) from series_outcome where series_id in " + series + ")"
                + " || '|' || (select count(*) from series_outcome o left join (select series_id, instrument_key,"
                + " score_key, comparison, count(*) n, count(distinct subject_id) people, sum(before) sb, sum(after) sa,"
                + " sum(before * before) sbb, sum(after * after) saa, sum(after - before) sc,"
                + " sum((after - before) * (after - before)) scc, count(*) filter (where reaches_mid) mid"
                + " from paired_change where series_id in " + series + " group by 1, 2, 3, 4) c"
                + " using (series_id, instrument_key, score_key, comparison) where o.series_id in " + series
                + " and (c.n is null or (o.n, o.people, o.sum_before, o.sum_after, o.sum_before_sq, o.sum_after_sq,"
                + " o.sum_change, o.sum_change_sq, o.reaching_mid) is distinct from (c.n, c.people, c.sb, c.sa,"
                + " c.sbb, c.saa, c.sc, c.scc, c.mid)))";
    }
}
