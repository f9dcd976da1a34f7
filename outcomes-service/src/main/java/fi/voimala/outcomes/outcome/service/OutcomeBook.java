package fi.voimala.outcomes.outcome.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.outcomes.instrument.definition.InstrumentDefinition;
import fi.voimala.outcomes.instrument.definition.ScoreRule;
import fi.voimala.outcomes.instrument.repository.InstrumentRepository;
import fi.voimala.outcomes.instrument.scoring.Score;
import fi.voimala.outcomes.instrument.service.InstrumentCatalogue;
import fi.voimala.outcomes.measurement.Measurement;
import fi.voimala.outcomes.measurement.repository.MeasurementRepository;
import fi.voimala.outcomes.events.OutcomeEvents;
import fi.voimala.outcomes.events.SeriesOutcomeEventData;
import fi.voimala.outcomes.outcome.Comparison;
import fi.voimala.outcomes.outcome.DoseBand;
import fi.voimala.outcomes.outcome.OutcomeSums;
import fi.voimala.outcomes.outcome.statistics.PairedOutcome;
import fi.voimala.outcomes.outcome.statistics.PairedSums;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps each series' outcomes up to date as measurements come and go, incrementally: a person's paired changes
 * (baseline to end, baseline to follow-up, before to after each session) are worked out again from their few
 * measurements with one instrument, and only the difference to what they were is added to the series' sums
 * ({@code series_outcome}), from which the statistics follow without reading any measurement. Runs in the
 * transaction of the change. The same deltas go into the sums by band of sessions attended, where a participant's rows
 * move when their attendance crosses a band ({@link #attendanceChanged}). One person's changes take turns (an advisory lock on the person), so that a baseline
 * and an end recorded at the same moment still meet, while different people's deltas add up concurrently.
 */
@ApplicationScoped
public class OutcomeBook {

    /** A series' outcome on one score and comparison: a row of series_outcome. */
    public record OutcomeKey(String scoreKey, Comparison comparison) {
    }

    private record RowKey(String scoreKey, Comparison comparison, UUID visitId) {
    }

    /** Numbers compared by value: a score read back from the database may carry another scale than computed. */
    private record Change(BigDecimal before, BigDecimal after, boolean reachesMid) {

        Change {
            before = before.stripTrailingZeros();
            after = after.stripTrailingZeros();
        }

        PairedSums sums() {
            BigDecimal change = after.subtract(before);
            return new PairedSums(1, before, after, before.multiply(before), after.multiply(after), change,
                    change.multiply(change), reachesMid ? 1 : 0);
        }
    }

    static final UUID NO_VISIT = new UUID(0, 0);
    private static final TypeReference<List<Score>> SCORES = new TypeReference<>() {
    };

    @Inject
    MeasurementRepository measurements;
    @Inject
    InstrumentRepository instruments;
    @Inject
    InstrumentCatalogue catalogue;
    @Inject
    ObjectMapper json;
    @Inject
    OutcomeEvents events;

    /**
     * Records the series' outcome on the instrument as it now is (every score and comparison) as an event for the
     * dashboards, with every figure about fewer than five people suppressed.
     */
    public Uni<Void> publish(UUID seriesId, String instrumentKey) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select " + OutcomeSums.SUMMED_COLUMNS
                        + " from series_outcome o where o.series_id = :series and o.instrument_key = :instrument"
                        + " group by 1, 2, 3, 4 order by 2, 3", Object[].class)
                .setParameter("series", seriesId).setParameter("instrument", instrumentKey).getResultList())
                .map(rows -> rows.stream().map(OutcomeSums::of).map(OutcomeBook::figures).toList())
                .chain(figures -> events.record(OutcomeEvents.OUTCOME_UPDATED, seriesId,
                        new SeriesOutcomeEventData(seriesId, instrumentKey, figures)));
    }

    private static SeriesOutcomeEventData.Figures figures(OutcomeSums o) {
        if (o.suppressedFor(true)) {
            return new SeriesOutcomeEventData.Figures(o.scoreKey(), o.comparison().name(), o.subjectType(), true, null,
                    null, null, null, null, null, null, null, null, null, null);
        }
        PairedOutcome s = o.statistics();
        return new SeriesOutcomeEventData.Figures(o.scoreKey(), o.comparison().name(), o.subjectType(), false,
                o.people(), s.n(), s.meanBefore(), s.meanAfter(), s.meanChange(), s.sdChange(), s.ciLow(), s.ciHigh(),
                s.p(), s.effectSizeDz(), s.shareReachingMid());
    }

    /** Takes the person's turn: call before reading or writing their measurements in this transaction. */
    public Uni<Void> lockSubject(UUID subjectId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select cast(pg_advisory_xact_lock(hashtextextended(:subject, 7)) as text)", String.class)
                .setParameter("subject", subjectId.toString()).getSingleResult()).replaceWithVoid();
    }

    /**
     * Brings the person's paired changes in the series and instrument in line with their measurements as they are
     * now in this transaction (flushed), adding the difference to the series' sums. Answers the outcomes that changed.
     */
    public Uni<List<OutcomeKey>> subjectChanged(UUID seriesId, String instrumentKey, UUID subjectId, String subjectType) {
        return measurements.ofSubject(seriesId, instrumentKey, subjectId)
                .chain(found -> desired(found).chain(wanted -> Panache.getSession().chain(session ->
                        existing(session, seriesId, instrumentKey, subjectId).chain(had ->
                                apply(session, seriesId, instrumentKey, subjectId, subjectType, had, wanted)))));
    }

    /** The changes the person's measurements make: a change for each score both of a comparison's measurements have. */
    private Uni<Map<RowKey, Change>> desired(List<Measurement> found) {
        Map<String, Measurement> byPoint = new HashMap<>();
        for (Measurement m : found) {
            byPoint.put(m.timePoint + "/" + (m.visitId == null ? NO_VISIT : m.visitId), m);
        }
        List<Measurement[]> pairs = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        for (Measurement m : found) {
            for (Comparison c : Comparison.values()) {
                if (m.timePoint.equals(c.after.name())) {
                    Measurement before = byPoint.get(c.before.name() + "/" + (m.visitId == null ? NO_VISIT : m.visitId));
                    if (before != null) {
                        pairs.add(new Measurement[] {before, m});
                        comparisons.add(c);
                    }
                }
            }
        }
        return Multi.createFrom().range(0, pairs.size())
                .onItem().transformToUniAndConcatenate(i -> instruments.findById(pairs.get(i)[1].instrumentId)
                        .map(instrument -> changes(comparisons.get(i), pairs.get(i)[0], pairs.get(i)[1],
                                catalogue.definitionOf(instrument))))
                .collect().in(LinkedHashMap<RowKey, Change>::new, Map::putAll);
    }

    /** The direction and minimal important difference are the later measurement's instrument version's. */
    private Map<RowKey, Change> changes(Comparison comparison, Measurement before, Measurement after,
                                        InstrumentDefinition definition) {
        Map<String, BigDecimal> was = values(before);
        Map<String, BigDecimal> is = values(after);
        Map<RowKey, Change> changes = new LinkedHashMap<>();
        for (ScoreRule rule : definition.scores()) {
            BigDecimal b = was.get(rule.key());
            BigDecimal a = is.get(rule.key());
            if (b != null && a != null) {
                BigDecimal better = rule.higherIsBetter() ? a.subtract(b) : b.subtract(a);
                boolean reaches = rule.minimalImportantDifference() != null
                        && better.compareTo(rule.minimalImportantDifference()) >= 0;
                changes.put(new RowKey(rule.key(), comparison, after.visitId == null ? NO_VISIT : after.visitId),
                        new Change(b, a, reaches));
            }
        }
        return changes;
    }

    private Map<String, BigDecimal> values(Measurement m) {
        try {
            Map<String, BigDecimal> values = new HashMap<>();
            for (Score s : json.readValue(m.scores, SCORES)) {
                if (s.value() != null) {
                    values.put(s.key(), s.value());
                }
            }
            return values;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Uni<Map<RowKey, Change>> existing(Mutiny.Session session, UUID seriesId, String instrumentKey,
                                                     UUID subjectId) {
        return session.createNativeQuery("select score_key, comparison, visit_id, before, after, reaches_mid"
                        + " from paired_change where series_id = :series and instrument_key = :instrument"
                        + " and subject_id = :subject", Object[].class)
                .setParameter("series", seriesId).setParameter("instrument", instrumentKey)
                .setParameter("subject", subjectId)
                .getResultList()
                .map(rows -> {
                    Map<RowKey, Change> had = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        had.put(new RowKey((String) r[0], Comparison.valueOf((String) r[1]), (UUID) r[2]),
                                new Change((BigDecimal) r[3], (BigDecimal) r[4], (Boolean) r[5]));
                    }
                    return had;
                });
    }

    private Uni<List<OutcomeKey>> apply(Mutiny.Session session, UUID seriesId, String instrumentKey, UUID subjectId,
                                        String subjectType, Map<RowKey, Change> had, Map<RowKey, Change> wanted) {
        if (had.equals(wanted)) {
            return Uni.createFrom().item(List.of());
        }
        Map<OutcomeKey, PairedSums> delta = new LinkedHashMap<>();
        Map<OutcomeKey, int[]> rows = new LinkedHashMap<>();
        had.forEach((k, c) -> {
            OutcomeKey key = new OutcomeKey(k.scoreKey(), k.comparison());
            delta.merge(key, PairedSums.EMPTY.minus(c.sums()), PairedSums::plus);
            rows.computeIfAbsent(key, x -> new int[2])[0]++;
        });
        wanted.forEach((k, c) -> {
            OutcomeKey key = new OutcomeKey(k.scoreKey(), k.comparison());
            delta.merge(key, c.sums(), PairedSums::plus);
            rows.computeIfAbsent(key, x -> new int[2])[1]++;
        });
        List<OutcomeKey> changed = delta.keySet().stream()
                .sorted(Comparator.comparing(OutcomeKey::scoreKey).thenComparing(OutcomeKey::comparison)).toList();
        Instant now = Instant.now();
        Uni<Integer> deleted = had.isEmpty() ? Uni.createFrom().item(0) : session.createNativeQuery(
                        "delete from paired_change where series_id = :series and instrument_key = :instrument"
                                + " and subject_id = :subject")
                .setParameter("series", seriesId).setParameter("instrument", instrumentKey)
                .setParameter("subject", subjectId).executeUpdate();
        return deleted
                .chain(() -> Multi.createFrom().iterable(wanted.entrySet())
                        .onItem().transformToUniAndConcatenate(e -> session.createNativeQuery(
                                        "insert into paired_change (series_id, instrument_key, score_key, comparison,"
                                                + " subject_id, visit_id, subject_type, before, after, reaches_mid)"
                                                + " values (:series, :instrument, :score, :comparison, :subject, :visit,"
                                                + " :type, :before, :after, :reaches)")
                                .setParameter("series", seriesId).setParameter("instrument", instrumentKey)
                                .setParameter("score", e.getKey().scoreKey())
                                .setParameter("comparison", e.getKey().comparison().name())
                                .setParameter("subject", subjectId).setParameter("visit", e.getKey().visitId())
                                .setParameter("type", subjectType).setParameter("before", e.getValue().before())
                                .setParameter("after", e.getValue().after())
                                .setParameter("reaches", e.getValue().reachesMid()).executeUpdate())
                        .collect().last())
                .chain(() -> bandOf(session, subjectId, subjectType))
                .chain(band -> Multi.createFrom().iterable(changed)
                        .onItem().transformToUniAndConcatenate(key -> {
                            PairedSums d = delta.get(key);
                            int[] counts = rows.get(key);
                            long people = (counts[1] > 0 ? 1 : 0) - (counts[0] > 0 ? 1 : 0);
                            return addToSeries(session, seriesId, instrumentKey, key, subjectType, d, people, now)
                                    .chain(() -> band == null || key.comparison() == Comparison.SESSION
                                            ? Uni.createFrom().item(0)
                                            : addToDose(session, seriesId, instrumentKey, key, band, d, people));
                        })
                        .collect().last())
                .replaceWith(changed);
    }

    /** A participant's band of sessions attended as it is now; null for staff (their outcomes have no dose). */
    private static Uni<String> bandOf(Mutiny.Session session, UUID subjectId, String subjectType) {
        if (!"PARTICIPANT".equals(subjectType)) {
            return Uni.createFrom().nullItem();
        }
        return session.createNativeQuery("select sessions_attended from participant_copy where id = :id", Integer.class)
                .setParameter("id", subjectId).getResultList()
                .map(found -> DoseBand.of(found.isEmpty() ? 0 : found.get(0)));
    }

    /**
     * A participant's attendance changed by {@code delta} held sessions (a session record recorded or corrected):
     * when that moves them to another band of sessions attended, their paired changes move with them, out of the old
     * band's sums and into the new one's. Takes the participant's turn, as a measurement of theirs does.
     */
    public Uni<Void> attendanceChanged(UUID participantId, int delta) {
        return lockSubject(participantId).chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                        "update participant_copy set sessions_attended = sessions_attended + :delta where id = :id"
                                + " returning sessions_attended", Integer.class)
                .setParameter("delta", delta).setParameter("id", participantId).getResultList()
                .chain(updated -> {
                    if (updated.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    String was = DoseBand.of(updated.get(0) - delta);
                    String is = DoseBand.of(updated.get(0));
                    return was.equals(is) ? Uni.createFrom().voidItem() : moveBand(session, participantId, was, is);
                }));
    }

    /** Moves a participant's paired changes (all series and instruments, not the sessions' lifts) between bands. */
    private static Uni<Void> moveBand(Mutiny.Session session, UUID participantId, String from, String to) {
        return session.createNativeQuery("select series_id, instrument_key, score_key, comparison, before, after,"
                        + " reaches_mid from paired_change where subject_id = :id and comparison <> 'SESSION'", Object[].class)
                .setParameter("id", participantId).getResultList()
                .chain(rows -> {
                    Map<List<Object>, PairedSums> sums = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        PairedSums one = new Change((BigDecimal) r[4], (BigDecimal) r[5], (Boolean) r[6]).sums();
                        sums.merge(List.of(r[0], r[1], r[2], r[3]), one, PairedSums::plus);
                    }
                    return Multi.createFrom().iterable(sums.entrySet())
                            .onItem().transformToUniAndConcatenate(e -> {
                                UUID seriesId = (UUID) e.getKey().get(0);
                                String instrument = (String) e.getKey().get(1);
                                OutcomeKey key = new OutcomeKey((String) e.getKey().get(2),
                                        Comparison.valueOf((String) e.getKey().get(3)));
                                return addToDose(session, seriesId, instrument, key, from,
                                        PairedSums.EMPTY.minus(e.getValue()), -1)
                                        .chain(() -> addToDose(session, seriesId, instrument, key, to, e.getValue(), 1));
                            })
                            .collect().last().replaceWithVoid();
                });
    }

    /** The same delta into the series' sums of a band of sessions attended (participants only, no session lifts). */
    private static Uni<Integer> addToDose(Mutiny.Session session, UUID seriesId, String instrumentKey, OutcomeKey key,
                                          String band, PairedSums d, long people) {
        return session.createNativeQuery("insert into series_dose_outcome (series_id, instrument_key, score_key,"
                        + " comparison, dose_band, subject_type, n, people, sum_before, sum_after, sum_before_sq,"
                        + " sum_after_sq, sum_change, sum_change_sq, reaching_mid) values (:series, :instrument, :score,"
                        + " :comparison, :band, 'PARTICIPANT', :n, :people, :sb, :sa, :sbb, :saa, :sc, :scc, :mid)"
                        + " on conflict (series_id, instrument_key, score_key, comparison, dose_band) do update set"
                        + " n = series_dose_outcome.n + excluded.n, people = series_dose_outcome.people + excluded.people,"
                        + " sum_before = series_dose_outcome.sum_before + excluded.sum_before,"
                        + " sum_after = series_dose_outcome.sum_after + excluded.sum_after,"
                        + " sum_before_sq = series_dose_outcome.sum_before_sq + excluded.sum_before_sq,"
                        + " sum_after_sq = series_dose_outcome.sum_after_sq + excluded.sum_after_sq,"
                        + " sum_change = series_dose_outcome.sum_change + excluded.sum_change,"
                        + " sum_change_sq = series_dose_outcome.sum_change_sq + excluded.sum_change_sq,"
                        + " reaching_mid = series_dose_outcome.reaching_mid + excluded.reaching_mid")
                .setParameter("series", seriesId).setParameter("instrument", instrumentKey)
                .setParameter("score", key.scoreKey()).setParameter("comparison", key.comparison().name())
                .setParameter("band", band).setParameter("n", d.n()).setParameter("people", people)
                .setParameter("sb", d.sumBefore()).setParameter("sa", d.sumAfter())
                .setParameter("sbb", d.sumBeforeSquares()).setParameter("saa", d.sumAfterSquares())
                .setParameter("sc", d.sumChange()).setParameter("scc", d.sumChangeSquares())
                .setParameter("mid", d.reachingMid())
                .executeUpdate();
    }

    /** One atomic upsert: concurrent measurements of other people add their own deltas to the same row. */
    private static Uni<Integer> addToSeries(Mutiny.Session session, UUID seriesId, String instrumentKey, OutcomeKey key,
                                            String subjectType, PairedSums d, long people, Instant now) {
        return session.createNativeQuery("insert into series_outcome (series_id, instrument_key, score_key, comparison,"
                        + " subject_type, n, people, sum_before, sum_after, sum_before_sq, sum_after_sq, sum_change,"
                        + " sum_change_sq, reaching_mid, updated_at) values (:series, :instrument, :score, :comparison,"
                        + " :type, :n, :people, :sb, :sa, :sbb, :saa, :sc, :scc, :mid, :now)"
                        + " on conflict (series_id, instrument_key, score_key, comparison) do update set"
                        + " n = series_outcome.n + excluded.n, people = series_outcome.people + excluded.people,"
                        + " sum_before = series_outcome.sum_before + excluded.sum_before,"
                        + " sum_after = series_outcome.sum_after + excluded.sum_after,"
                        + " sum_before_sq = series_outcome.sum_before_sq + excluded.sum_before_sq,"
                        + " sum_after_sq = series_outcome.sum_after_sq + excluded.sum_after_sq,"
                        + " sum_change = series_outcome.sum_change + excluded.sum_change,"
                        + " sum_change_sq = series_outcome.sum_change_sq + excluded.sum_change_sq,"
                        + " reaching_mid = series_outcome.reaching_mid + excluded.reaching_mid,"
                        + " updated_at = excluded.updated_at")
                .setParameter("series", seriesId).setParameter("instrument", instrumentKey)
                .setParameter("score", key.scoreKey()).setParameter("comparison", key.comparison().name())
                .setParameter("type", subjectType).setParameter("n", d.n()).setParameter("people", people)
                .setParameter("sb", d.sumBefore()).setParameter("sa", d.sumAfter())
                .setParameter("sbb", d.sumBeforeSquares()).setParameter("saa", d.sumAfterSquares())
                .setParameter("sc", d.sumChange()).setParameter("scc", d.sumChangeSquares())
                .setParameter("mid", d.reachingMid()).setParameter("now", now)
                .executeUpdate();
    }
}
