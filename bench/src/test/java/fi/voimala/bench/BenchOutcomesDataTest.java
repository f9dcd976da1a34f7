package fi.voimala.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The outcome benchmark's bulk data: exactly as many rows as planned (1,000,000 measurements), and each series' sums
 * in series_outcome equal to those recomputed here from the measurements' own scores, pair by pair, by OutcomeBook's
 * rules (UCLA-3 lower is better, MID 1; physical function higher, MID 0.5; the mood check higher, MID 1).
 */
class BenchOutcomesDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, UUID> INSTRUMENTS = Map.of("ucla-3", UUID.randomUUID(), "physical-function",
            UUID.randomUUID(), "session-mood", UUID.randomUUID());
    private static final List<String> MEASUREMENT = columns("measurement");
    private static final List<String> OUTCOME = columns("series_outcome");

    private static List<String> columns(String table) {
        return List.of(OutcomesBenchData.COLUMNS.get(table).split(",\\s*"));
    }

    @Test
    void theMillionPlanMakesExactlyAMillionMeasurements() {
        OutcomesBenchData.Plan plan = OutcomesBenchData.Plan.MILLION;
        assertEquals(1_000_000, plan.measurements());
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Integer> byTargetGroup = new TreeMap<>();
        new OutcomesBenchData(plan, 42, INSTRUMENTS, "2026-12-08T00:00:00Z").write((table, values) -> {
            counts.computeIfAbsent(table, t -> new long[1])[0]++;
            assertEquals(columns(table).size(), values.size(), table);
            if (table.equals("group_copy")) {
                byTargetGroup.merge(values.get(4), 1, Integer::sum);
            }
        });
        assertEquals(1_000_000, counts.get("measurement")[0]);
        assertEquals(plan.pairedChanges(), counts.get("paired_change")[0]);
        assertEquals(500_000, counts.get("paired_change")[0]);
        assertEquals(6_000, counts.get("series_outcome")[0]);
        assertEquals(2_000, counts.get("series_copy")[0]);
        assertEquals(50_000, counts.get("participant_copy")[0]);
        assertEquals(16_000, counts.get("session_record_copy")[0]);
        // Every target group a sixth of the series: the network-wide query reads 333 or 334 of them.
        assertEquals(6, byTargetGroup.size());
        byTargetGroup.values().forEach(n -> assertTrue(n == 333 || n == 334, byTargetGroup.toString()));
    }

    @Test
    void seriesOutcomeSumsAreThoseOfTheMeasurementsPairs() throws Exception {
        OutcomesBenchData.Plan plan = new OutcomesBenchData.Plan(13, 7, 3);
        List<List<String>> measurements = new ArrayList<>();
        List<List<String>> outcomes = new ArrayList<>();
        long[] changes = new long[1];
        new OutcomesBenchData(plan, 7, INSTRUMENTS, "2026-12-08T00:00:00Z").write((table, values) -> {
            switch (table) {
                case "measurement" -> measurements.add(values);
                case "series_outcome" -> outcomes.add(values);
                case "paired_change" -> changes[0]++;
                default -> { }
            }
        });
        assertEquals(plan.measurements(), measurements.size());
        assertEquals(plan.pairedChanges(), changes[0]);
        assertEquals(plan.outcomes(), outcomes.size());

        // Each person's value at each time point (per visit for the mood check), from the stored scores.
        Map<String, BigDecimal> values = new HashMap<>();
        for (List<String> m : measurements) {
            JsonNode score = JSON.readTree(m.get(MEASUREMENT.indexOf("scores"))).get(0);
            assertEquals(0, score.get("missing").asInt());
            String visit = m.get(MEASUREMENT.indexOf("visit_id"));
            String key = m.get(MEASUREMENT.indexOf("series_id")) + "/" + m.get(MEASUREMENT.indexOf("instrument_key"))
                    + "/" + m.get(MEASUREMENT.indexOf("participant_id")) + "/" + visit;
            values.put(key + "/" + m.get(MEASUREMENT.indexOf("time_point")), score.get("value").decimalValue());
        }
        Map<String, BigDecimal[]> expected = new HashMap<>();
        Map<String, Long> expectedCounts = new HashMap<>();
        values.forEach((key, before) -> {
            String[] k = key.split("/");
            String afterPoint = switch (k[4]) {
                case "BASELINE" -> "END";
                case "BEFORE_SESSION" -> "AFTER_SESSION";
                default -> null;
            };
            if (afterPoint == null) {
                return;
            }
            BigDecimal after = values.get(k[0] + "/" + k[1] + "/" + k[2] + "/" + k[3] + "/" + afterPoint);
            BigDecimal change = after.subtract(before);
            boolean reaches = switch (k[1]) {
                case "ucla-3" -> change.negate().compareTo(BigDecimal.ONE) >= 0;
                case "physical-function" -> change.compareTo(new BigDecimal("0.5")) >= 0;
                default -> change.compareTo(BigDecimal.ONE) >= 0;
            };
            String outcome = k[0] + "/" + k[1];
            BigDecimal[] sums = expected.computeIfAbsent(outcome, x -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(before);
            sums[1] = sums[1].add(after);
            sums[2] = sums[2].add(before.multiply(before));
            sums[3] = sums[3].add(after.multiply(after));
            sums[4] = sums[4].add(change);
            sums[5] = sums[5].add(change.multiply(change));
            expectedCounts.merge(outcome + "/n", 1L, Long::sum);
            expectedCounts.merge(outcome + "/mid", reaches ? 1L : 0L, Long::sum);
        });
        assertEquals(outcomes.size(), expected.size());
        String[] sumColumns = {"sum_before", "sum_after", "sum_before_sq", "sum_after_sq", "sum_change",
                "sum_change_sq"};
        for (List<String> o : outcomes) {
            String outcome = o.get(OUTCOME.indexOf("series_id")) + "/" + o.get(OUTCOME.indexOf("instrument_key"));
            BigDecimal[] sums = expected.get(outcome);
            for (int i = 0; i < sumColumns.length; i++) {
                assertEquals(0, sums[i].compareTo(new BigDecimal(o.get(OUTCOME.indexOf(sumColumns[i])))),
                        outcome + " " + sumColumns[i] + ": " + sums[i] + " recomputed, " + o);
            }
            assertEquals(expectedCounts.get(outcome + "/n"), Long.parseLong(o.get(OUTCOME.indexOf("n"))), outcome);
            assertEquals(expectedCounts.get(outcome + "/mid"), Long.parseLong(o.get(OUTCOME.indexOf("reaching_mid"))),
                    outcome);
            assertEquals(plan.participants(), Long.parseLong(o.get(OUTCOME.indexOf("people"))));
        }
    }

    @Test
    void physicalFunctionIsScoredAsOutcomesScoresIt() {
        // mobility 4, energy 2, pain 3 (reversed: 3): 9 → mean 3.00, raw 9.00, as outcomes stored it in the demo.
        BigDecimal[] score = OutcomesBenchData.physicalScore(new int[] {4, 2, 3});
        assertEquals(new BigDecimal("3.00"), score[0]);
        assertEquals(new BigDecimal("9.00"), score[1]);
        assertEquals(new BigDecimal("3.67"), OutcomesBenchData.physicalScore(new int[] {5, 5, 5})[0]);
    }

    @Test
    void csvQuotesJsonAndLeavesNullEmpty() {
        assertEquals("a,,\"{\"\"mood\"\": 3}\",\"\"",
                OutcomesBenchData.csv(java.util.Arrays.asList("a", null, "{\"mood\": 3}", "")));
    }

    @Test
    void theLimitRunsTheServicesStatementsForTheSameFilter() {
        OutcomesBench.Query network = new OutcomesBench.Query("network", "/api/outcomes?targetGroup=X", false,
                Map.of("targetGroup", "X", "instrumentKey", "ucla-3"));
        String sql = OutcomesBench.serviceSql(network);
        assertEquals(1, sql.lines().count());
        assertTrue(sql.contains("g.target_group = :targetGroup"));
        assertTrue(sql.contains("o.instrument_key = :instrumentKey"));
        OutcomesBench.Query series = new OutcomesBench.Query("series", "/api/outcomes?seriesId=Y", true,
                Map.of("seriesId", "Y"));
        String bySeries = OutcomesBench.serviceSql(series);
        assertEquals(5, bySeries.lines().count());
        assertTrue(!bySeries.contains(":instrumentKey") && !bySeries.contains(":targetGroup"));
        assertEquals(List.of("-M", "prepared", "-D", "seriesId=Y"), OutcomesBench.pgbenchVariables(series));
        assertEquals("outcomes", OutcomesBench.database(null));
        assertEquals("outcomes_bench", OutcomesBench.database("bench"));
    }

    @Test
    void readsTheNOfASeriesOutcomeEvent() {
        String shown = """
                {"seriesId":"6a1c7f0e-2b4d-4c8a-9e3f-5d7b1a2c4e6f","instrumentKey":"ucla-3","outcomes":[
                 {"scoreKey":"total","comparison":"BASELINE_TO_FOLLOW_UP","subjectType":"PARTICIPANT","suppressed":true,"n":null},
                 {"scoreKey":"total","comparison":"BASELINE_TO_END","subjectType":"PARTICIPANT","suppressed":false,"people":6,"n":6}]}
                """;
        assertEquals(6L, OutcomeSeries.baselineToEndN(shown));
        assertNull(OutcomeSeries.baselineToEndN("""
                {"outcomes":[{"scoreKey":"total","comparison":"BASELINE_TO_END","suppressed":true,"people":null,"n":null}]}
                """));
    }
}
