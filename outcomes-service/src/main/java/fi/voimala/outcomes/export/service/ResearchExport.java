package fi.voimala.outcomes.export.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.outcomes.export.ExportLogEntry;
import fi.voimala.outcomes.export.api.ExportApi.ExportFilters;
import fi.voimala.outcomes.export.api.ExportApi.ExportLogView;
import fi.voimala.outcomes.export.repository.ExportLogRepository;
import fi.voimala.outcomes.instrument.definition.InstrumentDefinition;
import fi.voimala.outcomes.instrument.definition.ScoreRule;
import fi.voimala.outcomes.instrument.repository.InstrumentRepository;
import fi.voimala.outcomes.instrument.scoring.Score;
import fi.voimala.outcomes.instrument.service.InstrumentCatalogue;
import fi.voimala.outcomes.plan.TimePoint;
import fi.voimala.outcomes.plan.service.PlanWindows;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Research exports of participants' measurements as CSV, pseudonymous only: a participant appears by their code, and
 * only while their consent covers research use (not withdrawn by the day of the export); no names, no ids of sessions'
 * or the register's people. Staff members' answers never leave in a file: their work engagement reaches research only
 * aggregated in the outcomes, suppressed below five people. Two shapes, as research tools want them: long (a row per
 * measurement and variable, items and scores) and wide (a row per participant, a column per instrument, score and time
 * point), with a codebook of every column. Every export is written to the export log in the same transaction.
 */
@ApplicationScoped
public class ResearchExport {

    /** The fixed columns of both shapes: who (pseudonymously) and in which series. */
    static final List<String> PERSON_COLUMNS = List.of("participant_code", "series_id", "target_group", "art_forms",
            "season", "year_of_birth_band", "gender", "sessions_attended");
    static final List<String> LONG_COLUMNS = List.of("instrument", "instrument_version", "time_point", "session",
            "measured_on", "in_window", "variable", "kind", "value", "raw", "answered", "missing", "imputed");
    private static final TypeReference<List<Score>> SCORES = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Integer>> ANSWERS = new TypeReference<>() {
    };

    @Inject
    ExportLogRepository log;
    @Inject
    InstrumentRepository instruments;
    @Inject
    InstrumentCatalogue catalogue;
    @Inject
    ObjectMapper json;

    /** One measurement of a research-consented participant with the person's pseudonymous particulars. */
    record Row(String code, UUID seriesId, String targetGroup, String artForms, String season, String yearOfBirthBand,
               String gender, long sessionsAttended, String instrumentKey, int instrumentVersion, UUID instrumentId,
               TimePoint timePoint, Integer session, String measuredOn, boolean inWindow, List<Score> scores,
               Map<String, Integer> answers) {

        List<Object> person() {
            return List.of(code, seriesId, nullToEmpty(targetGroup), artForms, season, nullToEmpty(yearOfBirthBand),
                    nullToEmpty(gender), sessionsAttended);
        }

        /** The time point as a column name part: baseline, end, follow_up, s3_before, s3_after. */
        String when() {
            return timePoint.atSession()
                    ? "s" + session + "_" + (timePoint == TimePoint.BEFORE_SESSION ? "before" : "after")
                    : timePoint.name().toLowerCase(Locale.ROOT);
        }

        /** Time points in the order they happen, for the wide shape's columns. */
        int order() {
            return switch (timePoint) {
                case BASELINE -> 0;
                case BEFORE_SESSION -> 1 + 2 * session;
                case AFTER_SESSION -> 2 + 2 * session;
                case END -> 100_000;
                case FOLLOW_UP -> 100_001;
            };
        }
    }

    public record Csv(String fileName, String text) {
    }

    public Uni<Csv> longForm(Caller caller, ExportFilters filters) {
        return export(caller, "long", filters, (rows, definitions) -> {
            List<List<Object>> out = new ArrayList<>();
            for (Row r : rows) {
                for (Score s : r.scores()) {
                    out.add(concat(r.person(), List.of(r.instrumentKey(), r.instrumentVersion(), r.timePoint(),
                            r.session() == null ? "" : r.session(), r.measuredOn(), r.inWindow(), s.key(), "score",
                            s.value() == null ? "" : s.value(), s.raw() == null ? "" : s.raw(), s.answered(), s.missing(),
                            s.imputed())));
                }
                r.answers().forEach((item, answer) -> out.add(concat(r.person(), List.of(r.instrumentKey(),
                        r.instrumentVersion(), r.timePoint(), r.session() == null ? "" : r.session(), r.measuredOn(),
                        r.inWindow(), item, "item", answer == null ? "" : answer, "", "", "", ""))));
            }
            return new Table(header(PERSON_COLUMNS, LONG_COLUMNS), out);
        });
    }

    public Uni<Csv> wideForm(Caller caller, ExportFilters filters) {
        return export(caller, "wide", filters, (rows, definitions) -> {
            Map<String, Integer> columnOrder = new TreeMap<>();
            Map<String, Map<String, Object>> byPerson = new LinkedHashMap<>();
            Map<String, Row> people = new LinkedHashMap<>();
            for (Row r : rows) {
                people.putIfAbsent(r.code(), r);
                for (Score s : r.scores()) {
                    String column = columnName(r.instrumentKey(), s.key(), r.when());
                    columnOrder.putIfAbsent(column, r.order());
                    byPerson.computeIfAbsent(r.code(), c -> new LinkedHashMap<>())
                            .put(column, s.value() == null ? "" : s.value());
                }
            }
            List<String> columns = columnOrder.keySet().stream()
                    .sorted(Comparator.comparing((String c) -> c.substring(0, c.lastIndexOf("__")))
                            .thenComparing(columnOrder::get))
                    .toList();
            List<List<Object>> out = new ArrayList<>();
            people.forEach((code, r) -> {
                List<Object> line = new ArrayList<>(r.person());
                Map<String, Object> values = byPerson.getOrDefault(code, Map.of());
                columns.forEach(c -> line.add(values.getOrDefault(c, "")));
                out.add(line);
            });
            return new Table(header(PERSON_COLUMNS, columns.stream().map(ResearchExport::published).toList()), out);
        });
    }

    /** The codebook of both shapes for these filters: every column, its meaning, type and values. */
    public Uni<Csv> codebook(Caller caller, ExportFilters filters) {
        return export(caller, "codebook", filters, (rows, definitions) -> {
            List<List<Object>> out = new ArrayList<>();
            out.add(List.of("participant_code", "both", "the participant's pseudonymous code from sessions-service"
                    + " (XXX-XXX-XXX; no name or identity code is held by the platform)", "text", ""));
            out.add(List.of("series_id", "both", "the workshop series (taidepajasarja) the participant was enrolled in",
                    "uuid", ""));
            out.add(List.of("target_group", "both", "whom the series' activity group is for", "category",
                    "HOME_DWELLING_ELDERLY, DAY_GROUP_CLIENTS, HOUSING_UNIT_RESIDENTS, SENIOR_HOUSE_RESIDENTS,"
                            + " RESPITE_CARE_RESIDENTS, WARD_PATIENTS"));
            out.add(List.of("art_forms", "both", "the series' art forms, space-separated", "text",
                    "MUSIC, DANCE, VISUAL_ARTS, DRAMA, LITERATURE, PHOTOGRAPHY, CRAFTS"));
            out.add(List.of("season", "both", "the term the series started in (January-June: spring, July-December:"
                    + " autumn)", "text", "YYYY-spring, YYYY-autumn"));
            out.add(List.of("year_of_birth_band", "both", "five-year band of the year of birth, if given", "text",
                    "e.g. 1940-1944; empty when not given"));
            out.add(List.of("gender", "both", "gender, if given", "category", "FEMALE, MALE, OTHER, NOT_DISCLOSED; empty"));
            out.add(List.of("sessions_attended", "both", "held sessions of the series the participant was present at"
                    + " (the dose), on the day of the export", "integer", "0 or more"));
            out.add(List.of("instrument", "long", "the instrument's key", "text", "e.g. ucla-3"));
            out.add(List.of("instrument_version", "long", "the version of the instrument's definition answered",
                    "integer", "1 or more"));
            out.add(List.of("time_point", "long", "when in the series", "category",
                    "BASELINE, END, FOLLOW_UP, BEFORE_SESSION, AFTER_SESSION"));
            out.add(List.of("session", "long", "for a session's check: the session's number in the series", "integer",
                    "empty for other time points"));
            out.add(List.of("measured_on", "long", "the day the answers were given (Europe/Helsinki)", "date",
                    "YYYY-MM-DD"));
            out.add(List.of("in_window", "long", "whether that day fell in the measurement plan's window", "boolean",
                    "true, false"));
            out.add(List.of("variable", "long", "a score's key (kind score) or an item's id (kind item)", "text", ""));
            out.add(List.of("kind", "long", "score or item", "category", "score, item"));
            out.add(List.of("value", "long", "the score (empty when too many items were missing) or the item's answer"
                    + " (empty when not answered)", "number", ""));
            out.add(List.of("raw", "long", "a score's raw value before conversion (the sum for a lookup table)",
                    "number", ""));
            out.add(List.of("answered", "long", "items of the score answered", "integer", ""));
            out.add(List.of("missing", "long", "items of the score not answered", "integer", ""));
            out.add(List.of("imputed", "long", "whether missing items were imputed by the person's mean", "boolean",
                    "true, false"));
            Map<String, Row> seen = new TreeMap<>();
            for (Row r : rows) {
                for (Score s : r.scores()) {
                    seen.putIfAbsent(columnName(r.instrumentKey(), s.key(), r.when()), r);
                }
            }
            seen.forEach((column, r) -> {
                InstrumentDefinition d = definitions.get(r.instrumentId());
                String[] parts = column.split("__");
                ScoreRule rule = d == null ? null : d.scores().stream().filter(s -> s.key().equals(parts[1]))
                        .findFirst().orElse(null);
                out.add(List.of(published(column), "wide", (d == null ? r.instrumentKey() : d.name().en()) + ": "
                                + (rule == null ? parts[1] : rule.name().en()) + " at " + parts[2].replace('_', ' '),
                        "number", rule == null ? "" : rule.range().min().toPlainString() + "-"
                                + rule.range().max().toPlainString() + (rule.higherIsBetter() ? ", higher is better"
                                : ", lower is better") + (rule.minimalImportantDifference() == null ? ""
                                : "; minimal important difference " + rule.minimalImportantDifference().toPlainString())
                                + "; " + rule.method() + " of " + String.join(" ", rule.items())));
            });
            return new Table(List.of("variable", "shape", "label", "type", "values"), out);
        });
    }

    /** A table to write: its header and lines. */
    record Table(List<String> header, List<List<Object>> lines) {
    }

    /** Reads the rows, shapes them and logs the export, in one transaction (an export that cannot be logged fails). */
    private Uni<Csv> export(Caller caller, String kind, ExportFilters filters,
                            BiFunction<List<Row>, Map<UUID, InstrumentDefinition>, Table> shape) {
        return Panache.withTransaction(() -> Page.oneSnapshotForThisTransaction()
                .chain(() -> rows(filters))
                .chain(rows -> definitionsOf(rows).map(definitions -> shape.apply(rows, definitions)))
                .call(table -> log.persist(entry(caller, kind, filters, table.lines().size())))
                .map(table -> new Csv("voimala-outcomes-" + kind + "-" + PlanWindows.day(Instant.now()) + ".csv",
                        write(table))));
    }

    /** Parses each instrument met once, so the codebook's labels come from the definitions. */
    private Uni<Map<UUID, InstrumentDefinition>> definitionsOf(List<Row> rows) {
        List<UUID> ids = rows.stream().map(Row::instrumentId).distinct().toList();
        return ids.isEmpty() ? Uni.createFrom().item(Map.of()) : instruments.list("id in ?1", ids).map(found -> {
            Map<UUID, InstrumentDefinition> d = new LinkedHashMap<>();
            found.forEach(i -> d.put(i.id, catalogue.definitionOf(i)));
            return d;
        });
    }

    private Uni<List<Row>> rows(ExportFilters f) {
        List<String> where = new ArrayList<>(List.of("'RESEARCH_USE' = any(p.consent_covers)",
                "(p.research_withdrawn_from is null or p.research_withdrawn_from > :today)"));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("today", PlanWindows.day(Instant.now()));
        if (f.seriesId() != null) {
            where.add("m.series_id = :series");
            parameters.put("series", f.seriesId());
        }
        if (f.instrumentKey() != null) {
            where.add("m.instrument_key = :instrument");
            parameters.put("instrument", f.instrumentKey());
        }
        if (f.measuredFrom() != null) {
            where.add("m.measured_on >= :from");
            parameters.put("from", f.measuredFrom());
        }
        if (f.measuredTo() != null) {
            where.add("m.measured_on <= :to");
            parameters.put("to", f.measuredTo());
        }
        String sql = "select p.code, m.series_id, g.target_group, array_to_string(s.art_forms, ' '),"
                + " extract(year from s.first_date)::int || case when extract(month from s.first_date) <= 6"
                + " then '-spring' else '-autumn' end, p.year_of_birth_band, p.gender,"
                + " p.sessions_attended, m.instrument_key, i.version, m.instrument_id, m.time_point,"
                + " v.ordinal, to_char(m.measured_on, 'YYYY-MM-DD'), m.in_window, m.scores::text, m.answers::text"
                + " from measurement m join participant_copy p on p.id = m.participant_id"
                + " join instrument i on i.id = m.instrument_id join series_copy s on s.id = m.series_id"
                + " left join group_copy g on g.id = s.group_id left join visit_copy v on v.id = m.visit_id"
                + " where " + String.join(" and ", where)
                + " order by p.code, m.instrument_key, m.measured_on, m.time_point";
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        }).map(found -> found.stream().map(this::row).toList());
    }

    private Row row(Object[] r) {
        return new Row((String) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], ((Number) r[7]).longValue(), (String) r[8], ((Number) r[9]).intValue(), (UUID) r[10],
                TimePoint.valueOf((String) r[11]), r[12] == null ? null : ((Number) r[12]).intValue(), (String) r[13],
                (Boolean) r[14], read((String) r[15], SCORES), read((String) r[16], ANSWERS));
    }

    @WithSession
    public Uni<Page<ExportLogView>> log(PageRequest page) {
        return Page.fetch(log.findAll(page.toSort()), page, e -> new ExportLogView(e.id, e.at, e.actor,
                e.actorOrganisation, e.actorRoles, e.kind, e.filters, e.rowsExported));
    }

    private static ExportLogEntry entry(Caller caller, String kind, ExportFilters filters, int rows) {
        ExportLogEntry e = new ExportLogEntry();
        e.id = UUID.randomUUID();
        e.at = Instant.now();
        e.actor = caller.username() == null ? "unknown" : caller.username();
        e.actorSubject = caller.subject();
        e.actorOrganisation = caller.organization().orElse(null);
        e.actorRoles = caller.roles().stream().sorted().toArray(String[]::new);
        e.kind = kind;
        e.filters = filters.describe();
        e.rowsExported = rows;
        return e;
    }

    /** Internal column key: instrument, score and time point, split by "__" (no key contains it). */
    static String columnName(String instrument, String score, String when) {
        return instrument + "__" + score + "__" + when;
    }

    /** The column's published name, as research tools accept it: lower case letters, digits and underscores. */
    static String published(String column) {
        return column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    private static String write(Table table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(table.header().toArray(String[]::new)).get())) {
            for (List<Object> line : table.lines()) {
                printer.printRecord(line.stream().map(v -> v instanceof BigDecimal b ? b.toPlainString() : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> concat(List<?> a, List<?> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> header(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Object nullToEmpty(Object value) {
        return value == null ? "" : value;
    }
}
