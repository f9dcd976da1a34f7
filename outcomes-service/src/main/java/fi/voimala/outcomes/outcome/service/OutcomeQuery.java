package fi.voimala.outcomes.outcome.service;

import fi.voimala.outcomes.access.OutcomesAccess;
import fi.voimala.outcomes.access.OutcomesAccess.Scope;
import fi.voimala.outcomes.outcome.Comparison;
import fi.voimala.outcomes.outcome.DoseBand;
import fi.voimala.outcomes.outcome.OutcomeSums;
import fi.voimala.outcomes.outcome.api.OutcomeApi.Attendance;
import fi.voimala.outcomes.outcome.api.OutcomeApi.BreakdownGroup;
import fi.voimala.outcomes.outcome.api.OutcomeApi.DoseOutcome;
import fi.voimala.outcomes.outcome.api.OutcomeApi.Filters;
import fi.voimala.outcomes.outcome.api.OutcomeApi.OutcomeBreakdown;
import fi.voimala.outcomes.outcome.api.OutcomeApi.OutcomeReport;
import fi.voimala.outcomes.outcome.api.OutcomeApi.ParticipantChange;
import fi.voimala.outcomes.outcome.api.OutcomeApi.ScoreOutcome;
import fi.voimala.outcomes.outcome.statistics.PairedOutcome;
import fi.voimala.outcomes.schedule.repository.SeriesCopyRepository;
import fi.voimala.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads outcomes: the sums kept per series (series_outcome, and by band of sessions attended in series_dose_outcome)
 * added up over the series that match the filters and that the caller may see, turned into statistics; the tallies
 * of attendance of the same series beside them; and, for one series and those who read it, each participant's
 * change. Nothing here reads measurements or session records: every figure was kept up to date as they arrived.
 */
@ApplicationScoped
public class OutcomeQuery {

    @Inject
    OutcomesAccess access;
    @Inject
    SeriesCopyRepository series;

    /** The chosen series as SQL (a select of series ids) and its parameters. */
    private record Chosen(String sql, Map<String, Object> parameters) {

        <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    public Uni<OutcomeReport> report(Caller caller, Filters filters) {
        return Panache.withSession(() -> access.scopeOf(caller).chain(scope -> {
            Chosen chosen = chosen(scope, filters);
            boolean suppress = scope.suppressesSmallFigures();
            return Panache.getSession().chain(session -> figures(session, chosen, filters).chain(figures ->
                    participants(session, scope, filters).map(people -> new OutcomeReport(filters, figures.series(),
                            figures.outcomes().stream().map(o -> view(o, suppress)).toList(),
                            attendance(figures.tally(), suppress),
                            figures.byDose().stream().map(d -> new DoseOutcome(d.band(), view(d.sums(), suppress)))
                                    .toList(),
                            people))));
        }));
    }

    /** What a breakdown groups by: the value's SQL over the chosen series, and the join it needs. */
    public enum BreakdownBy {
        // A series whose group has not arrived from visit-events yet has no target group: counted as UNKNOWN.
        TARGET_GROUP("targetGroup", "coalesce(g.target_group, 'UNKNOWN')", ""),
        ART_FORM("artForm", "f.art_form", " cross join lateral unnest(s.art_forms) as f(art_form)");

        public final String parameter;
        final String value;
        final String join;

        BreakdownBy(String parameter, String value, String join) {
            this.parameter = parameter;
            this.value = value;
            this.join = join;
        }
    }

    /**
     * The outcomes of the chosen series per target group or art form, in one statement: the series chosen once with
     * their value, the kept sums added up per value (kind {@code outcome}), and the series counted per value (kind
     * {@code series}).
     */
    public Uni<OutcomeBreakdown> breakdown(Caller caller, Filters filters, BreakdownBy by) {
        return Panache.withSession(() -> access.scopeOf(caller).chain(scope -> {
            Chosen chosen = chosen(scope, filters, by);
            boolean suppress = scope.suppressesSmallFigures();
            String instrument = filters.instrumentKey() == null ? "" : " and o.instrument_key = :instrumentKey";
            String sql = "with chosen as materialized (" + chosen.sql() + ")"
                    + " select 'outcome', c.value, " + OutcomeSums.SUMMED_COLUMNS + " from series_outcome o join chosen c on c.id = o.series_id"
                    + " where true" + instrument + " group by 2, 3, 4, 5, 6"
                    + " union all select 'series', c.value, null, null, null, null, count(*), null, null, null, null,"
                    + " null, null, null, null from chosen c group by 2";
            return Panache.getSession().chain(session -> {
                Mutiny.SelectionQuery<Object[]> query = chosen.bind(session.createNativeQuery(sql, Object[].class));
                if (filters.instrumentKey() != null) {
                    query.setParameter("instrumentKey", filters.instrumentKey());
                }
                return query.getResultList();
            }).map(rows -> {
                Map<String, Long> series = new TreeMap<>();
                Map<String, List<OutcomeSums>> outcomes = new HashMap<>();
                for (Object[] row : rows) {
                    String value = (String) row[1];
                    if ("series".equals(row[0])) {
                        series.put(value, ((Number) row[6]).longValue());
                    } else {
                        Object[] figures = Arrays.copyOfRange(row, 2, row.length);
                        if (((Number) figures[5]).longValue() > 0) {
                            outcomes.computeIfAbsent(value, v -> new ArrayList<>()).add(OutcomeSums.of(figures));
                        }
                    }
                }
                List<BreakdownGroup> groups = series.entrySet().stream().map(e -> new BreakdownGroup(e.getKey(), e.getValue(),
                        outcomes.getOrDefault(e.getKey(), List.of()).stream().sorted(ORDER).map(o -> view(o, suppress))
                                .toList())).toList();
                return new OutcomeBreakdown(filters, by.parameter, groups);
            });
        }));
    }

    private static final Comparator<OutcomeSums> ORDER = Comparator.comparing(OutcomeSums::instrumentKey)
            .thenComparing(OutcomeSums::scoreKey).thenComparing(OutcomeSums::comparison);

    private Chosen chosen(Scope scope, Filters f) {
        return chosen(scope, f, null);
    }

    /** The series that match the filters and that the caller may see; with {@code by}, each with its value too. */
    private Chosen chosen(Scope scope, Filters f, BreakdownBy by) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        where.add(OutcomesAccess.seriesReadCondition(scope, "s.id"));
        if (!where.get(0).equals("true")) {
            if (where.get(0).contains(":own")) {
                parameters.put("own", scope.organisationOrNone());
            }
            parameters.put("me", scope.professionalOrNone());
        }
        if (f.seriesId() != null) {
            where.add("s.id = :seriesId");
            parameters.put("seriesId", f.seriesId());
        }
        if (f.targetGroup() != null) {
            where.add("g.target_group = :targetGroup");
            parameters.put("targetGroup", f.targetGroup());
        }
        if (f.artForm() != null) {
            where.add("cast(:artForm as varchar) = any(s.art_forms)");
            parameters.put("artForm", f.artForm());
        }
        if (f.organisationId() != null) {
            where.add("si.organisation_id = :organisationId");
            parameters.put("organisationId", f.organisationId());
        }
        if (f.season() != null) {
            LocalDate[] season = Seasons.of(f.season());
            where.add("s.first_date >= :seasonStarts and s.first_date < :seasonEnds");
            parameters.put("seasonStarts", season[0]);
            parameters.put("seasonEnds", season[1]);
        }
        return new Chosen("select s.id" + (by == null ? "" : ", " + by.value + " as value")
                + " from series_copy s left join group_copy g on g.id = s.group_id"
                + " left join site_copy si on si.id = s.site_id" + (by == null ? "" : by.join)
                + " where " + String.join(" and ", where), parameters);
    }

    private record Banded(String band, OutcomeSums sums) {
    }

    /** What one statement reads: the series' count, their summed outcomes, the sums by dose band and the tallies. */
    private record Figures(long series, List<OutcomeSums> outcomes, List<Banded> byDose, Object[] tally) {
    }

    /**
     * Every network-level figure in one statement (one round trip; the series chosen once): rows of kind
     * {@code outcome} and {@code dose} carry the summed sums (series_outcome, series_dose_outcome) as
     * {@link OutcomeSums#of} reads them, the dose band last; the one {@code tally} row the series count, sessions
     * planned and held, participants and attendances (series_attendance).
     */
    private static Uni<Figures> figures(Mutiny.Session session, Chosen chosen, Filters f) {
        String instrument = f.instrumentKey() == null ? "" : " and o.instrument_key = :instrumentKey";
        String sums = OutcomeSums.SUMS;
        String sql = "with chosen as materialized (" + chosen.sql() + ")"
                + " select 'outcome', o.instrument_key, o.score_key, o.comparison, o.subject_type, " + sums + ", null"
                + " from series_outcome o where o.series_id in (select id from chosen)" + instrument
                + " group by 2, 3, 4, 5"
                + " union all select 'dose', o.instrument_key, o.score_key, o.comparison, o.subject_type, " + sums
                + ", o.dose_band from series_dose_outcome o where o.series_id in (select id from chosen)" + instrument
                + " group by 2, 3, 4, 5, 15"
                + " union all select 'tally', null, null, null, null, (select count(*) from chosen),"
                + " (select coalesce(sum(s.planned_sessions), 0) from series_copy s where s.id in (select id from chosen)),"
                + " coalesce(sum(a.sessions_held), 0), coalesce(sum(a.participants), 0), coalesce(sum(a.attendances), 0),"
                + " null, null, null, null, null from series_attendance a where a.series_id in (select id from chosen)";
        Mutiny.SelectionQuery<Object[]> query = chosen.bind(session.createNativeQuery(sql, Object[].class));
        if (f.instrumentKey() != null) {
            query.setParameter("instrumentKey", f.instrumentKey());
        }
        return query.getResultList().map(rows -> {
            List<OutcomeSums> outcomes = new ArrayList<>();
            List<Banded> byDose = new ArrayList<>();
            Object[] tally = null;
            for (Object[] row : rows) {
                Object[] figures = Arrays.copyOfRange(row, 1, row.length);
                switch ((String) row[0]) {
                    case "outcome" -> {
                        if (((Number) figures[5]).longValue() > 0) {
                            outcomes.add(OutcomeSums.of(figures));
                        }
                    }
                    case "dose" -> {
                        if (((Number) figures[5]).longValue() > 0) {
                            byDose.add(new Banded((String) figures[13], OutcomeSums.of(figures)));
                        }
                    }
                    default -> tally = figures;
                }
            }
            outcomes.sort(ORDER);
            byDose.sort(Comparator.comparing(Banded::sums, ORDER).thenComparing(b -> DoseBand.ALL.indexOf(b.band())));
            return new Figures(((Number) tally[4]).longValue(), outcomes, byDose, tally);
        });
    }

    /** The tally row: series, sessions planned, sessions held, participants, attendances (from index 4). */
    private static Attendance attendance(Object[] tally, boolean suppress) {
        long participants = ((Number) tally[7]).longValue();
        boolean hidden = suppress && participants < OutcomeSums.MIN_PEOPLE;
        return new Attendance(((Number) tally[5]).longValue(), ((Number) tally[6]).longValue(), hidden,
                hidden ? null : participants, hidden || participants == 0 ? null
                : ((Number) tally[8]).doubleValue() / participants);
    }

    /** Each participant's changes, for one series and only to those who read it (its pair, org-admin, coordinator). */
    private Uni<List<ParticipantChange>> participants(Mutiny.Session session, Scope scope, Filters f) {
        if (f.seriesId() == null) {
            return Uni.createFrom().item(List.of());
        }
        return series.findById(f.seriesId()).chain(s -> s == null ? Uni.createFrom().item(false)
                        : access.partiesOf(s).map(p -> scope.reads(p.pair(), p.site())))
                .chain(reads -> !reads ? Uni.createFrom().item(List.<ParticipantChange>of())
                        : participantChanges(session, f)
                                .map(rows -> rows.stream().map(r -> new ParticipantChange((String) r[0], (String) r[1],
                                        (String) r[2], Comparison.valueOf((String) r[3]), (BigDecimal) r[4],
                                        (BigDecimal) r[5], ((BigDecimal) r[5]).subtract((BigDecimal) r[4]),
                                        (Boolean) r[6], ((Number) r[7]).longValue())).toList()));
    }

    private static Uni<List<Object[]>> participantChanges(Mutiny.Session session, Filters f) {
        Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery("select p.code, pc.instrument_key,"
                        + " pc.score_key, pc.comparison, pc.before, pc.after, pc.reaches_mid, p.sessions_attended"
                        + " from paired_change pc join participant_copy p on p.id = pc.subject_id"
                        + " where pc.series_id = :series and pc.comparison <> 'SESSION'"
                        + (f.instrumentKey() == null ? "" : " and pc.instrument_key = :instrumentKey")
                        + " order by p.code, pc.instrument_key, pc.score_key, pc.comparison", Object[].class)
                .setParameter("series", f.seriesId());
        if (f.instrumentKey() != null) {
            query.setParameter("instrumentKey", f.instrumentKey());
        }
        return query.getResultList();
    }

    static ScoreOutcome view(OutcomeSums o, boolean suppress) {
        if (o.suppressedFor(suppress)) {
            return new ScoreOutcome(o.instrumentKey(), o.scoreKey(), o.comparison(), o.subjectType(), true, null, null,
                    null, null, null, null, null, null, null, null, null, null);
        }
        PairedOutcome s = o.statistics();
        return new ScoreOutcome(o.instrumentKey(), o.scoreKey(), o.comparison(), o.subjectType(), false, o.people(),
                s.n(), s.meanBefore(), s.meanAfter(), s.meanChange(), s.sdChange(), s.ciLow(), s.ciHigh(), s.t(), s.p(),
                s.effectSizeDz(), s.shareReachingMid());
    }
}
