package fi.voimala.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Loads the demo network through the gateway's API as the demo coordinator, so that everything in it passes
 * the same rules and leaves the same events as a user's changes would. Each thing is matched by its natural
 * key (organisation alias, agreement title, e-mail, site name, the pair's two people, a group's site and name, a
 * series' group) and created only when missing: loading twice changes nothing.
 *
 * <p>Then the schedule: the activity groups, Harjula's open ward windows (published as the hospital system,
 * {@code hospital-feed}), a running series for each group, and one ward closure that moves a visit. Scheduling keeps
 * its own copy of the register from partner-events, which arrives a moment after the register's writes, so a request
 * naming a site or pair that scheduling does not know yet (422 {@code referenced-exists}) is tried again for up to
 * {@link #COPY_WAIT}; ward statements are applied from Kafka too, so the loader waits until they show.
 *
 * <p>Then the sessions ({@link DemoSessionPlan}): each series' participants, one withdrawal of research use, and a record
 * of each of the series' visits that has ended, as the coordinator. Sessions-service learns of series and visits from
 * visit-events, so what it does not know yet is tried again for up to {@link #COPY_WAIT} as well.
 *
 * <p>Then the outcomes ({@link DemoMeasurementPlan}): each series' measurement plan (UCLA-3 and physical function at
 * baseline and end, the session mood before and after each session, the care professional's UWES-9 at baseline and
 * end), and the measurements, as the coordinator: baseline on the day of the series' first session, the mood of those
 * present at each held session on its day, and end measurements. A demo series runs from some weeks before the first
 * load into coming weeks, so none has ended when the demo is loaded: its end measurements are then entered on the day
 * of its latest held session, which outcomes-service keeps but flags as outside the end's window ({@code inWindow:
 * false}). Outcomes-service learns of series, visits and participants from Kafka, so what it does not know yet is tried
 * again for up to {@link #COPY_WAIT}; a participant whose consent does not cover measurements is not measured, and a
 * measurement already there (409 {@code measured-already}) is left as it is.
 *
 * <p>Usage: {@code DemoNetworkLoader [gateway URL] [Keycloak URL]}, defaults http://localhost:8080 and
 * http://localhost:8180.
 */
public final class DemoNetworkLoader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "size=100";
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    /** How long scheduling may take to learn of the register's writes, or to apply a ward statement. */
    static final Duration COPY_WAIT = Duration.ofSeconds(60);
    /** The rules of a 422 that mean "not known here yet": a copy fed from Kafka is behind the write it names. */
    static final List<String> NOT_KNOWN_YET = List.of("referenced-exists", "visit-known");
    /** The start of the status reason scheduling gives a visit it moved out of a ward closure. */
    static final String WARD_CLOSED = "ward closed";
    /** The kinds of {@link #load}'s counts that the outcomes line reports rather than the demo network's line. */
    static final String MEASUREMENT_PLANS = "measurement plans";
    static final String MEASUREMENTS = "measurements";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String token;
    private final String hospitalToken;
    /** The Monday of the week the demo is loaded in (Helsinki): the schedule's dates count from it. */
    private final LocalDate thisWeek = LocalDate.now(HELSINKI).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    /** What was there and what was created, per kind, in load order. */
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    /** The measurements created now, per instrument and time point ("ucla-3 BASELINE"), in load order. */
    private final Map<String, Integer> measurementsNew = new LinkedHashMap<>();
    /** Participants not measured since their consent does not cover measurements on the day (as the plan or the API says). */
    private int measurementsWithoutConsent;
    /** Series whose end was measured before the series ended, on the day of their latest held session. */
    private int endsBeforeSeriesEnded;
    /** The keys ({@link #measurementKey}) of the measurements of the series being loaded that are there already. */
    private final Set<String> measured = new HashSet<>();

    private DemoNetworkLoader(String gateway, String token, String hospitalToken) {
        this.gateway = gateway;
        this.token = token;
        this.hospitalToken = hospitalToken;
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        String keycloak = args.length > 1 ? args[1] : "http://localhost:8180";
        List<String> outcomes = new ArrayList<>();
        Map<String, int[]> counts = load(gateway, keycloak, outcomes::add);
        StringBuilder line = new StringBuilder("demo network:");
        counts.forEach((kind, c) -> {
            if (!kind.equals(MEASUREMENT_PLANS) && !kind.equals(MEASUREMENTS)) {
                line.append(' ').append(c[0] + c[1]).append(' ').append(kind).append(" (").append(c[1]).append(" new)");
            }
        });
        System.out.println(line);
        outcomes.forEach(System.out::println);
    }

    /** Loads what is missing; returns, per kind, {already there, created now}. */
    public static Map<String, int[]> load(String gateway, String keycloak) throws IOException, InterruptedException {
        return load(gateway, keycloak, line -> { });
    }

    /** As above, giving {@code outcomes} the lines that say what outcome data the demo holds and how it was entered. */
    public static Map<String, int[]> load(String gateway, String keycloak, Consumer<String> outcomes)
            throws IOException, InterruptedException {
        JsonNode demo;
        try (InputStream in = DemoNetworkLoader.class.getResourceAsStream("/demo-network.json")) {
            demo = JSON.readTree(in);
        }
        DemoNetworkLoader loader = new DemoNetworkLoader(gateway, coordinatorToken(keycloak), hospitalFeedToken(keycloak));
        loader.loadAll(demo);
        loader.describeOutcomes(outcomes);
        return loader.counts;
    }

    private void loadAll(JsonNode demo) throws IOException, InterruptedException {
        Map<String, String> organisations = ensure("organisations", "/api/organisations", demo.get("organisations"),
                o -> o.get("keycloakAlias").asText(), o -> o);
        ensure("agreements", "/api/agreements", demo.get("agreements"),
                a -> key(a.get("organisationId").asText(), a.get("title").asText()),
                a -> withId(a, "organisation", "organisationId", organisations));
        // Only the demo organisations' professionals: others (e.g. the thousands bench/run registers in its own
        // organisation) need not be read at every start.
        Map<String, String> professionals = ensure("professionals", "/api/professionals", demo.get("professionals"),
                p -> p.get("email").asText().toLowerCase(Locale.ROOT),
                p -> withId(p, "organisation", "organisationId", organisations),
                demoOrganisationFilters(demo, organisations));
        Map<String, String> sites = ensure("sites", "/api/sites", demo.get("sites"),
                s -> key(s.get("organisationId").asText(), s.get("name").asText()),
                s -> withId(s, "organisation", "organisationId", organisations));
        Map<String, String> pairs = ensure("pairs", "/api/pairs", demo.get("pairs"),
                p -> p.get("dissolvedOn") != null && !p.get("dissolvedOn").isNull() ? null
                        : key(p.get("artsProfessionalId").asText(), p.get("careProfessionalId").asText()),
                p -> withId(withId(p, "arts", "artsProfessionalId", professionals), "care", "careProfessionalId", professionals));

        // The schedule. Sites by name (unique in the demo), pairs by their two people's e-mails.
        Map<String, String> siteIds = new HashMap<>();
        Map<String, String> wardSites = new LinkedHashMap<>();
        for (JsonNode site : demo.get("sites")) {
            String id = sites.get(key(organisations.get(site.get("organisation").asText()), site.get("name").asText()));
            siteIds.put(site.get("name").asText(), id);
            if (site.hasNonNull("wardCode")) {
                wardSites.put(site.get("wardCode").asText(), id);
            }
        }
        // Groups first: once scheduling has taken a group at each ward, it knows the wards the statements name.
        Map<String, String> groups = ensureGroups(demo.get("groups"), siteIds);
        JsonNode wards = demo.get("wardAvailability");
        publishWardWindows(wards, wardSites);
        Map<String, String> seriesByGroup = ensureSeries(demo.get("series"), groups, professionals, pairs);
        JsonNode closure = wards.get("closure");
        String closedWard = closure.get("wardCode").asText();
        String closedSeries = null;
        for (JsonNode group : demo.get("groups")) {
            if (wardSites.get(closedWard).equals(siteIds.get(group.get("site").asText()))) {
                closedSeries = seriesByGroup.get(group.get("name").asText());
            }
        }
        closeWardOnce(closedWard, wardSites.get(closedWard), closedSeries, closure.get("reason").asText());

        // Participants and the records of the series' past visits, as DemoSessionPlan chooses them.
        DemoSessionPlan plan = new DemoSessionPlan(demo);
        Map<String, List<String>> codesByGroup = new LinkedHashMap<>();
        for (JsonNode series : demo.get("series")) {
            String group = series.get("group").asText();
            codesByGroup.put(group, ensureParticipants(plan, group, seriesByGroup.get(group)));
        }
        for (JsonNode series : demo.get("series")) {
            String group = series.get("group").asText();
            ensureSessionRecords(plan, series, seriesByGroup.get(group), codesByGroup.get(group), professionals);
        }

        // Each series' measurement plan and measurements, as DemoMeasurementPlan chooses them, once its participants
        // and session records are in.
        DemoMeasurementPlan measures = new DemoMeasurementPlan(plan);
        for (JsonNode series : demo.get("series")) {
            String group = series.get("group").asText();
            String seriesId = seriesByGroup.get(group);
            ensureMeasurementPlan(seriesId);
            ensureMeasurements(plan, measures, series, seriesId, codesByGroup.get(group), professionals);
        }
    }

    /** The activity groups, matched by site and name; returns group name -> id. */
    private Map<String, String> ensureGroups(JsonNode wanted, Map<String, String> siteIds)
            throws IOException, InterruptedException {
        Map<String, String> ids = new HashMap<>();
        Map<String, Map<String, String>> existingBySite = new HashMap<>();
        int[] count = counts.computeIfAbsent("groups", k -> new int[2]);
        for (JsonNode group : wanted) {
            String siteId = siteIds.get(group.get("site").asText());
            if (siteId == null) {
                throw new IllegalStateException("demo-network.json: group " + group.get("name") + " names unknown site "
                        + group.get("site"));
            }
            Map<String, String> existing = existingBySite.get(siteId);
            if (existing == null) {
                existing = new HashMap<>();
                for (JsonNode found : listAll("/api/groups?siteId=" + siteId + "&")) {
                    existing.put(found.get("name").asText().toLowerCase(Locale.ROOT), found.get("id").asText());
                }
                existingBySite.put(siteId, existing);
            }
            String name = group.get("name").asText();
            String id = existing.get(name.toLowerCase(Locale.ROOT));
            if (id != null) {
                count[0]++;
            } else {
                ObjectNode body = withoutComments(group);
                body.remove("site");
                body.put("siteId", siteId);
                id = sendOnceKnown(token, "POST", "/api/groups", body, 201).get("id").asText();
                existing.put(name.toLowerCase(Locale.ROOT), id);
                count[1]++;
            }
            ids.put(name, id);
        }
        return ids;
    }

    /**
     * Harjula's open windows: every weekday of the chosen weeks, as the hospital system states them. Published only for
     * a ward that has no open window in those weeks yet: stating them again would reopen what a closure has closed.
     * Waits until scheduling has applied them, since series at the wards are planned only inside them.
     */
    private void publishWardWindows(JsonNode wards, Map<String, String> wardSites) throws IOException, InterruptedException {
        LocalDate first = thisWeek.minusWeeks(wards.get("weeksBefore").asInt());
        LocalDate end = thisWeek.plusWeeks(wards.get("weeksAfter").asInt() + 1L);
        LocalTime opens = LocalTime.parse(wards.get("opens").asText());
        LocalTime closes = LocalTime.parse(wards.get("closes").asText());
        int[] count = counts.computeIfAbsent("ward calendars", k -> new int[2]);
        // Ward code -> how many windows were published: scheduling applies them one event at a time, so the wait is
        // for all of them, not the first (a series planned half-way would find too few open days).
        Map<String, Integer> published = new LinkedHashMap<>();
        for (JsonNode code : wards.get("wardCodes")) {
            String wardCode = code.asText();
            String siteId = wardSites.get(wardCode);
            if (openWindows(siteId, first, end.minusDays(1)) > 0) {
                count[0]++;
                continue;
            }
            ObjectNode body = JSON.createObjectNode();
            var statements = body.putArray("statements");
            for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                statements.addObject().put("wardCode", wardCode)
                        .put("from", helsinki(day.atTime(opens))).put("to", helsinki(day.atTime(closes)))
                        .put("state", "AVAILABLE").put("reason", wards.get("reason").asText());
            }
            sendOnceKnown(hospitalToken, "POST", "/api/ward-availability", body, 202);
            published.put(wardCode, statements.size());
            count[1]++;
        }
        for (Map.Entry<String, Integer> ward : published.entrySet()) {
            String siteId = wardSites.get(ward.getKey());
            waitFor("the " + ward.getValue() + " open windows of ward " + ward.getKey() + " to be applied by scheduling",
                    () -> openWindows(siteId, first, end.minusDays(1)) >= ward.getValue());
        }
    }

    /** A running series for each group, matched by group; returns group name -> series id. */
    private Map<String, String> ensureSeries(JsonNode wanted, Map<String, String> groups, Map<String, String> professionals,
                                             Map<String, String> pairs) throws IOException, InterruptedException {
        Map<String, String> ids = new HashMap<>();
        int[] count = counts.computeIfAbsent("series", k -> new int[2]);
        for (JsonNode series : wanted) {
            String groupName = series.get("group").asText();
            String groupId = groups.get(groupName);
            String pairId = pairs.get(key(professionals.get(series.get("arts").asText().toLowerCase(Locale.ROOT)),
                    professionals.get(series.get("care").asText().toLowerCase(Locale.ROOT))));
            if (groupId == null || pairId == null) {
                throw new IllegalStateException("demo-network.json: the series of " + groupName
                        + " names an unknown group or pair");
            }
            JsonNode existing = send("GET", "/api/series?groupId=" + groupId + "&size=1", null, 200).get("items");
            if (!existing.isEmpty()) {
                ids.put(groupName, existing.get(0).get("id").asText());
                count[0]++;
                continue;
            }
            ObjectNode body = JSON.createObjectNode().put("groupId", groupId).put("pairId", pairId);
            body.set("artForms", series.get("artForms"));
            body.put("plannedSessions", series.get("plannedSessions").asInt())
                    .put("frequency", series.get("frequency").asText())
                    .put("weekday", series.get("weekday").asText())
                    .put("startTime", series.get("startTime").asText())
                    .put("durationMinutes", series.get("durationMinutes").asInt())
                    // The series' weekday on or after this Monday is its first session.
                    .put("firstDate", thisWeek.minusWeeks(series.get("startWeeksAgo").asInt()).toString());
            ids.put(groupName, sendOnceKnown(token, "POST", "/api/series", body, 201).get("id").asText());
            count[1]++;
        }
        return ids;
    }

    /**
     * The hospital closes the ward for the day of the series' first scheduled visit at least a week ahead, and
     * scheduling moves that visit. Once: skipped when a visit at the ward already carries a closure's reason.
     */
    private void closeWardOnce(String wardCode, String siteId, String seriesId, String reason)
            throws IOException, InterruptedException {
        int[] count = counts.computeIfAbsent("ward closures", k -> new int[2]);
        for (JsonNode visit : listAll("/api/visits?siteId=" + siteId + "&")) {
            if (visit.path("statusReason").asText("").startsWith(WARD_CLOSED)) {
                count[0]++;
                return;
            }
        }
        LocalDate from = LocalDate.now(HELSINKI).plusDays(7);
        JsonNode upcoming = send("GET", "/api/visits?seriesId=" + seriesId + "&status=SCHEDULED&from=" + from
                + "&sort=startsAt&size=1", null, 200).get("items");
        if (upcoming.isEmpty()) {
            throw new IllegalStateException("no scheduled visit of the series at ward " + wardCode + " from " + from
                    + " on, to show a closure with");
        }
        JsonNode visit = upcoming.get(0);
        LocalDate day = OffsetDateTime.parse(visit.get("startsAt").asText()).atZoneSameInstant(HELSINKI).toLocalDate();
        ObjectNode body = JSON.createObjectNode();
        body.putArray("statements").addObject().put("wardCode", wardCode)
                .put("from", helsinki(day.atStartOfDay())).put("to", helsinki(day.plusDays(1).atStartOfDay()))
                .put("state", "UNAVAILABLE").put("reason", reason);
        sendOnceKnown(hospitalToken, "POST", "/api/ward-availability", body, 202);
        String visitId = visit.get("id").asText();
        waitFor("scheduling to move visit " + visitId + " out of the closure of ward " + wardCode + " on " + day,
                () -> send("GET", "/api/visits/" + visitId, null, 200).path("statusReason").asText("")
                        .startsWith(WARD_CLOSED));
        count[1]++;
    }

    /**
     * The series' participants, matched by all they are (year-of-birth band, gender, consent) since their codes are
     * generated: each wanted one not found is enrolled. Then the plan's one withdrawal of research use, once. Returns
     * the participants' codes in the plan's order.
     */
    private List<String> ensureParticipants(DemoSessionPlan plan, String group, String seriesId)
            throws IOException, InterruptedException {
        int[] count = counts.computeIfAbsent("participants", k -> new int[2]);
        LocalDate firstVisit = LocalDate.parse(send("GET", "/api/series/" + seriesId, null, 200).get("firstDate").asText());
        // Key -> the existing participants with it, in the order the API lists them.
        Map<String, List<JsonNode>> existing = new HashMap<>();
        for (JsonNode found : listAll("/api/participants?seriesId=" + seriesId + "&")) {
            existing.computeIfAbsent(participantKey(found), k -> new ArrayList<>()).add(found);
        }
        List<DemoSessionPlan.Participant> wanted = plan.participants(group, firstVisit);
        List<JsonNode> participants = new ArrayList<>();
        for (DemoSessionPlan.Participant p : wanted) {
            List<JsonNode> same = existing.getOrDefault(p.key(), List.of());
            if (!same.isEmpty()) {
                participants.add(same.remove(0));
                count[0]++;
                continue;
            }
            ObjectNode body = JSON.createObjectNode().put("seriesId", seriesId)
                    .put("yearOfBirthBand", p.yearOfBirthBand()).put("gender", p.gender());
            ObjectNode consent = body.putObject("consent").put("givenBy", p.givenBy()).put("givenOn", p.givenOn().toString());
            p.covers().forEach(consent.putArray("covers")::add);
            // Sessions learns of the series from visit-events: until then the series is not known there.
            participants.add(sendOnceKnown(token, "POST", "/api/participants", body, 201));
            count[1]++;
        }
        if (group.equals(plan.withdrawalGroup())) {
            withdrawOnce(plan, participants.get(plan.withdrawalParticipant()), firstVisit);
        }
        return participants.stream().map(p -> p.get("code").asText()).toList();
    }

    /** The participant's consent withdrawal as the plan says, unless they already have one. */
    private void withdrawOnce(DemoSessionPlan plan, JsonNode participant, LocalDate firstVisit)
            throws IOException, InterruptedException {
        int[] count = counts.computeIfAbsent("consent withdrawals", k -> new int[2]);
        String id = participant.get("id").asText();
        if (!send("GET", "/api/participants/" + id, null, 200).path("withdrawals").isEmpty()) {
            count[0]++;
            return;
        }
        JsonNode withdrawal = plan.withdrawal();
        ObjectNode body = JSON.createObjectNode()
                .put("withdrawnFrom", firstVisit.plusDays(withdrawal.get("daysAfterFirstVisit").asInt()).toString());
        body.set("covers", withdrawal.get("covers"));
        body.put("note", withdrawal.get("note").asText());
        send("POST", "/api/participants/" + id + "/withdrawal", body, 200);
        count[1]++;
    }

    /** What identifies a demo participant as the API shows them: the plan's key of it. */
    private static String participantKey(JsonNode participant) {
        JsonNode consent = participant.get("consent");
        List<String> covers = new ArrayList<>();
        consent.get("covers").forEach(c -> covers.add(c.asText()));
        return new DemoSessionPlan.Participant(participant.get("yearOfBirthBand").asText(),
                participant.get("gender").asText(), consent.get("givenBy").asText(),
                LocalDate.parse(consent.get("givenOn").asText()), covers).key();
    }

    /**
     * A record of each visit of the series that has ended and has none yet, as the coordinator (who may record any
     * visit): the visit's own times, the participants the plan has come. Sessions learns of visits from visit-events,
     * so a visit it does not know yet (422 {@code visit-known}) is tried again.
     */
    private void ensureSessionRecords(DemoSessionPlan plan, JsonNode series, String seriesId, List<String> codes,
                                      Map<String, String> professionals) throws IOException, InterruptedException {
        int[] count = counts.computeIfAbsent("session records", k -> new int[2]);
        Set<String> recorded = new HashSet<>();
        for (JsonNode record : listAll("/api/session-records?seriesId=" + seriesId + "&")) {
            recorded.add(record.get("visitId").asText());
        }
        count[0] += recorded.size();
        String group = series.get("group").asText();
        List<String> artForms = new ArrayList<>();
        series.get("artForms").forEach(f -> artForms.add(f.asText()));
        String staffId = plan.staff(series).map(email -> professionals.get(email.toLowerCase(Locale.ROOT))).orElse(null);
        Instant now = Instant.now();
        for (JsonNode visit : listAll("/api/visits?seriesId=" + seriesId + "&to=" + LocalDate.now(HELSINKI)
                + "&status=SCHEDULED&sort=startsAt&")) {
            String visitId = visit.get("id").asText();
            if (recorded.contains(visitId) || Instant.parse(visit.get("endsAt").asText()).isAfter(now)) {
                continue;
            }
            DemoSessionPlan.Session session = plan.session(group, artForms, codes.size(), visit.get("ordinal").asInt());
            ObjectNode body = JSON.createObjectNode().put("visitId", visitId).put("held", session.held());
            if (session.held()) {
                body.put("startedAt", visit.get("startsAt").asText()).put("endedAt", visit.get("endsAt").asText());
                var present = body.putArray("participantCodes");
                session.present().forEach(i -> present.add(codes.get(i)));
                body.put("extraAttendees", session.extraAttendees());
                var staff = body.putArray("staffProfessionalIds");
                if (session.staffPresent() && staffId != null) {
                    staff.add(staffId);
                }
                body.put("otherStaffCount", session.otherStaffCount());
                session.artForms().forEach(body.putArray("artForms")::add);
                session.methods().forEach(body.putArray("methods")::add);
                body.put("observations", session.observations()).put("reflection", session.reflection());
            } else {
                body.put("notHeldReason", session.notHeldReason());
            }
            sendOnceKnown(token, "POST", "/api/session-records", body, 201);
            count[1]++;
        }
    }

    /**
     * The series' measurement plan ({@link DemoMeasurementPlan#POINTS}). A plan that already has all of them is left as
     * it is; one that lacks some gets them added to its own points, with the version read. Outcomes-service learns of
     * the series from visit-events, so while it does not know it (404) the plan is tried again for up to
     * {@link #COPY_WAIT}; a plan written meanwhile (409) is read again.
     */
    private void ensureMeasurementPlan(String seriesId) throws IOException, InterruptedException {
        int[] count = counts.computeIfAbsent(MEASUREMENT_PLANS, k -> new int[2]);
        String path = "/api/measurement-plans/" + seriesId;
        long deadline = System.nanoTime() + COPY_WAIT.toNanos();
        while (true) {
            // 404: no plan yet, or the series is not known here yet (then the PUT is 404 too, and tried again).
            HttpResponse<String> found = exchange(token, "GET", path, null);
            if (found.statusCode() != 200 && found.statusCode() != 404) {
                throw new IllegalStateException("GET " + path + " answered " + found.statusCode() + ": " + found.body());
            }
            ObjectNode body = JSON.createObjectNode();
            ArrayNode points = body.putArray("points");
            Set<String> there = new HashSet<>();
            if (found.statusCode() == 200) {
                JsonNode plan = JSON.readTree(found.body());
                body.put("version", plan.get("version").asLong());
                for (JsonNode point : plan.get("points")) {
                    there.add(new DemoMeasurementPlan.Point(point.get("instrumentKey").asText(),
                            point.get("timePoint").asText()).key());
                    ObjectNode kept = points.addObject();
                    for (String field : List.of("instrumentKey", "instrumentVersion", "timePoint", "daysBefore",
                            "daysAfter", "followUpWeeks")) {
                        if (point.hasNonNull(field)) {
                            kept.set(field, point.get(field));
                        }
                    }
                }
            }
            List<DemoMeasurementPlan.Point> missing = DemoMeasurementPlan.POINTS.stream()
                    .filter(p -> !there.contains(p.key())).toList();
            if (missing.isEmpty()) {
                count[0]++;
                return;
            }
            missing.forEach(p -> points.addObject().put("instrumentKey", p.instrumentKey()).put("timePoint", p.timePoint()));
            HttpResponse<String> put = exchange(token, "PUT", path, body);
            if (put.statusCode() == 200) {
                count[1]++;
                return;
            }
            boolean notYet = put.statusCode() == 404 || put.statusCode() == 409;
            if (!notYet || System.nanoTime() > deadline) {
                throw new IllegalStateException("PUT " + path + " answered " + put.statusCode()
                        + (notYet ? " for " + COPY_WAIT.toSeconds() + " s" : "") + ": " + put.body());
            }
            Thread.sleep(1000);
        }
    }

    /**
     * The series' measurements as the coordinator (who may enter them for any series): UCLA-3 and physical function at
     * baseline, on the day of the series' first session, and at end; the session mood before and after each held
     * session of those present, on its day (Helsinki); the pair's care professional's UWES-9 at baseline and end. The
     * end is the day of the series' last session once all its visits have ended; before that (as in every demo series
     * when loaded: they run into coming weeks) the day of its latest held session, which outcomes-service keeps but
     * flags as outside the end's window. Only participants whose consent covers measurements on the day are measured.
     */
    private void ensureMeasurements(DemoSessionPlan plan, DemoMeasurementPlan measures, JsonNode series, String seriesId,
                                    List<String> codes, Map<String, String> professionals)
            throws IOException, InterruptedException {
        counts.computeIfAbsent(MEASUREMENTS, k -> new int[2]);
        String group = series.get("group").asText();
        LocalDate firstDate = LocalDate.parse(send("GET", "/api/series/" + seriesId, null, 200).get("firstDate").asText());
        List<DemoSessionPlan.Participant> participants = plan.participants(group, firstDate);
        LocalDate today = LocalDate.now(HELSINKI);
        Instant now = Instant.now();

        // The series' visits not cancelled, in time order: the first session's day, each visit's ordinal, and whether
        // the series has ended.
        Map<String, Integer> ordinals = new HashMap<>();
        LocalDate firstSession = null;
        LocalDate lastSession = null;
        boolean ended = true;
        for (JsonNode visit : listAll("/api/visits?seriesId=" + seriesId + "&sort=startsAt&")) {
            if (visit.path("status").asText().equals("CANCELLED")) {
                continue;
            }
            ordinals.put(visit.get("id").asText(), visit.get("ordinal").asInt());
            LocalDate day = helsinkiDay(visit.get("startsAt").asText());
            firstSession = firstSession == null ? day : firstSession;
            lastSession = day;
            ended &= instant(visit.get("endsAt").asText()).isBefore(now);
        }
        // The held sessions in time order, with who was there.
        List<JsonNode> held = new ArrayList<>();
        for (JsonNode record : listAll("/api/session-records?seriesId=" + seriesId + "&")) {
            if (record.get("held").asBoolean() && record.hasNonNull("startedAt")) {
                held.add(record);
            }
        }
        held.sort(Comparator.comparing(record -> instant(record.get("startedAt").asText())));
        // What is there already is left as it is without asking again (a second load sends nothing).
        measured.clear();
        for (JsonNode m : listAll("/api/measurements?seriesId=" + seriesId + "&")) {
            measured.add(measurementKey(m.get("instrumentKey").asText(), m.get("timePoint").asText(),
                    m.path("participantCode").asText(null), m.path("staffProfessionalId").asText(null),
                    m.path("visitId").asText(null)));
        }
        LocalDate baselineDay = firstSession == null || firstSession.isAfter(today) ? null : firstSession;
        LocalDate endDay = ended && lastSession != null ? lastSession
                : held.isEmpty() ? null : helsinkiDay(held.get(held.size() - 1).get("startedAt").asText());
        if (endDay != null && !ended) {
            endsBeforeSeriesEnded++;
        }

        for (int i = 0; i < codes.size() && i < participants.size(); i++) {
            for (String timePoint : List.of(DemoMeasurementPlan.BASELINE, DemoMeasurementPlan.END)) {
                LocalDate day = timePoint.equals(DemoMeasurementPlan.BASELINE) ? baselineDay : endDay;
                if (day == null) {
                    continue;
                }
                if (!measures.measurable(group, i, participants.get(i), firstDate, day)) {
                    measurementsWithoutConsent += DemoMeasurementPlan.PARTICIPANT_INSTRUMENTS.size();
                    continue;
                }
                for (String instrument : DemoMeasurementPlan.PARTICIPANT_INSTRUMENTS) {
                    measure(seriesId, instrument, timePoint, codes.get(i), null, null, day,
                            measures.participantAnswers(group, i, instrument, timePoint));
                }
            }
        }
        for (JsonNode record : held) {
            String visitId = record.get("visitId").asText();
            LocalDate day = helsinkiDay(record.get("startedAt").asText());
            int ordinal = ordinals.getOrDefault(visitId, held.indexOf(record) + 1);
            for (JsonNode present : record.path("participants")) {
                int i = codes.indexOf(present.path("code").asText());
                if (i < 0 || i >= participants.size()) {
                    continue; // not one of the demo's participants: the plan knows nothing of their consent
                }
                if (!measures.measurable(group, i, participants.get(i), firstDate, day)) {
                    measurementsWithoutConsent += 2;
                    continue;
                }
                for (String timePoint : List.of(DemoMeasurementPlan.BEFORE_SESSION, DemoMeasurementPlan.AFTER_SESSION)) {
                    measure(seriesId, DemoMeasurementPlan.SESSION_MOOD, timePoint, codes.get(i), null, visitId, day,
                            measures.mood(group, i, ordinal, timePoint));
                }
            }
        }
        String careId = professionals.get(series.get("care").asText().toLowerCase(Locale.ROOT));
        for (String timePoint : List.of(DemoMeasurementPlan.BASELINE, DemoMeasurementPlan.END)) {
            LocalDate day = timePoint.equals(DemoMeasurementPlan.BASELINE) ? baselineDay : endDay;
            if (day != null && careId != null) {
                measure(seriesId, DemoMeasurementPlan.UWES_9, timePoint, null, careId, null, day,
                        measures.staffAnswers(group, timePoint));
            }
        }
    }

    /**
     * One measurement, unless it is there already (409 {@code measured-already}, left as it is). A participant whose
     * consent does not cover measurements that day (422 {@code consent-covers-measurements}) is skipped. What
     * outcomes-service does not know yet (422 {@code referenced-exists}: the series, participant, visit or professional,
     * whose copies come from Kafka) is tried again for up to {@link #COPY_WAIT}.
     */
    private void measure(String seriesId, String instrumentKey, String timePoint, String participantCode,
                         String staffProfessionalId, String visitId, LocalDate measuredOn, Map<String, Integer> answers)
            throws IOException, InterruptedException {
        int[] count = counts.get(MEASUREMENTS);
        if (measured.contains(measurementKey(instrumentKey, timePoint, participantCode, staffProfessionalId, visitId))) {
            count[0]++;
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("seriesId", seriesId).put("instrumentKey", instrumentKey)
                .put("timePoint", timePoint);
        if (participantCode != null) {
            body.put("participantCode", participantCode);
        } else {
            body.put("staffProfessionalId", staffProfessionalId);
        }
        if (visitId != null) {
            body.put("visitId", visitId);
        }
        body.put("measuredOn", measuredOn.toString());
        ObjectNode given = body.putObject("answers");
        answers.forEach(given::put);
        HttpResponse<String> response = exchangeOnceKnown(token, "POST", "/api/measurements", body, DemoNetworkLoader::notKnownYet);
        if (response.statusCode() == 201) {
            count[1]++;
            measurementsNew.merge(instrumentKey + " " + timePoint, 1, Integer::sum);
        } else if (response.statusCode() == 409 && response.body().contains("\"measured-already\"")) {
            count[0]++;
        } else if (response.statusCode() == 422 && response.body().contains("\"consent-covers-measurements\"")) {
            measurementsWithoutConsent++;
        } else {
            throw new IllegalStateException("POST /api/measurements answered " + response.statusCode() + ": "
                    + response.body() + " (for " + body + ")");
        }
    }

    /** What identifies a measurement within its series: instrument, time point, person and session. */
    private static String measurementKey(String instrumentKey, String timePoint, String participantCode,
                                         String staffProfessionalId, String visitId) {
        return key(instrumentKey, timePoint, String.valueOf(participantCode), String.valueOf(staffProfessionalId),
                String.valueOf(visitId));
    }

    /** The lines that say what outcome data the demo holds: plans, measurements, and how the ends were measured. */
    private void describeOutcomes(Consumer<String> outcomes) {
        int[] plans = counts.getOrDefault(MEASUREMENT_PLANS, new int[2]);
        int[] measured = counts.getOrDefault(MEASUREMENTS, new int[2]);
        StringBuilder line = new StringBuilder("demo outcomes: ").append(plans[0] + plans[1]).append(' ')
                .append(MEASUREMENT_PLANS).append(" (").append(plans[1]).append(" new) ")
                .append(measured[0] + measured[1]).append(' ').append(MEASUREMENTS).append(" (").append(measured[1])
                .append(" new");
        measurementsNew.forEach((what, n) -> line.append(", ").append(n).append(' ').append(what));
        line.append(")");
        if (measurementsWithoutConsent > 0) {
            line.append(", ").append(measurementsWithoutConsent).append(" not taken without consent to measurements");
        }
        outcomes.accept(line.toString());
        if (endsBeforeSeriesEnded > 0) {
            outcomes.accept("demo outcomes: " + endsBeforeSeriesEnded + " series have not ended yet, so their END"
                    + " measurements are entered on the day of each one's latest held session: outcomes-service keeps"
                    + " them, flagged outside the end's window (inWindow: false)");
        }
    }

    /** An ISO date-time with its offset (or Z) as the API writes it. */
    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    /** An ISO date-time's date in Helsinki. */
    private static LocalDate helsinkiDay(String text) {
        return instant(text).atZone(HELSINKI).toLocalDate();
    }

    /** How many open windows the ward has between the two dates (Helsinki, inclusive), as the coordinator sees them. */
    private int openWindows(String siteId, LocalDate from, LocalDate to) throws IOException, InterruptedException {
        JsonNode answer = send("GET", "/api/ward-availability/windows?siteId=" + siteId + "&from=" + from + "&to=" + to,
                null, 200);
        // A list, or an object holding one: the items of a page, or the windows.
        JsonNode windows = answer.isArray() ? answer : answer.has("items") ? answer.get("items") : answer.path("windows");
        return windows.size();
    }

    /** A Helsinki wall-clock time as an ISO date-time with its offset that day, e.g. 2026-12-10T09:00:00+02:00. */
    private static String helsinki(LocalDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZone(HELSINKI));
    }

    private interface Check {
        boolean holds() throws IOException, InterruptedException;
    }

    private static void waitFor(String what, Check check) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + COPY_WAIT.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + COPY_WAIT.toSeconds() + " s for " + what
                        + "; see ./voimala logs scheduling-service");
            }
            Thread.sleep(500);
        }
    }

    /**
     * Creates each wanted item whose key the API does not list yet.
     *
     * @param keyOf   the natural key of an item as the API shows it (null: not a match for anything)
     * @param request the API request for a wanted item (references resolved to ids)
     * @return key -> id of every item of the kind
     */
    private Map<String, String> ensure(String kind, String path, JsonNode wanted, Function<JsonNode, String> keyOf,
                                       Function<JsonNode, JsonNode> request) throws IOException, InterruptedException {
        return ensure(kind, path, wanted, keyOf, request, List.of(""));
    }

    /** As above, reading the existing items through each of {@code filters} (query parameters) in turn. */
    private Map<String, String> ensure(String kind, String path, JsonNode wanted, Function<JsonNode, String> keyOf,
                                       Function<JsonNode, JsonNode> request, List<String> filters)
            throws IOException, InterruptedException {
        Map<String, String> ids = new HashMap<>();
        for (String filter : filters) {
            for (JsonNode existing : listAll(filter.isEmpty() ? path + "?" : path + "?" + filter + "&")) {
                String key = keyOf.apply(existing);
                if (key != null) {
                    ids.put(key, existing.get("id").asText());
                }
            }
        }
        int[] count = counts.computeIfAbsent(kind, k -> new int[2]);
        for (JsonNode item : wanted) {
            JsonNode body = request.apply(item);
            String key = keyOf.apply(body);
            if (ids.containsKey(key)) {
                count[0]++;
                continue;
            }
            JsonNode created = send("POST", path, body, 201);
            ids.put(key, created.get("id").asText());
            count[1]++;
        }
        return ids;
    }

    /** "organisationId=<id>" for each organisation of the demo network (not the others the register may hold). */
    private static List<String> demoOrganisationFilters(JsonNode demo, Map<String, String> organisations) {
        List<String> filters = new ArrayList<>();
        for (JsonNode organisation : demo.get("organisations")) {
            filters.add("organisationId=" + organisations.get(organisation.get("keycloakAlias").asText()));
        }
        return filters;
    }

    /** Every item behind {@code query} (a path ending in "?" or "&"), page by page. */
    private List<JsonNode> listAll(String query) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            // Scheduling may answer a filter by a site it does not know yet with 422 referenced-exists: wait for it.
            JsonNode result = sendOnceKnown(token, "GET", query + PAGE + "&page=" + page, null, 200);
            result.get("items").forEach(items::add);
            if (page + 1 >= result.get("totalPages").asInt()) {
                return items;
            }
        }
    }

    private JsonNode send(String method, String path, JsonNode body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(token, method, path, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * As {@link #send}, but a 422 {@code referenced-exists} (scheduling does not know the site, pair or ward yet: its
     * copy of the register comes from partner-events; or sessions the series, from visit-events) or {@code visit-known}
     * (sessions does not know the visit yet) is tried again, for up to {@link #COPY_WAIT}.
     */
    private JsonNode sendOnceKnown(String bearer, String method, String path, JsonNode body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = exchangeOnceKnown(bearer, method, path, body, DemoNetworkLoader::notKnownYet);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A 422 whose rule says that a copy fed from Kafka does not know what the request names yet. */
    private static boolean notKnownYet(HttpResponse<String> response) {
        return response.statusCode() == 422 && NOT_KNOWN_YET.stream()
                .anyMatch(rule -> response.body().contains("\"" + rule + "\""));
    }

    /**
     * The answer to the request once it is not {@code notKnownYet}, trying again every second; still not known after
     * {@link #COPY_WAIT} is an error.
     */
    private HttpResponse<String> exchangeOnceKnown(String bearer, String method, String path, JsonNode body,
                                                   Predicate<HttpResponse<String>> notKnownYet)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + COPY_WAIT.toNanos();
        while (true) {
            HttpResponse<String> response = exchange(bearer, method, path, body);
            if (!notKnownYet.test(response)) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " for "
                        + COPY_WAIT.toSeconds() + " s: " + response.body());
            }
            Thread.sleep(1000);
        }
    }

    private HttpResponse<String> exchange(String bearer, String method, String path, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Replaces a reference by name ({@code organisation: alias}) with the id the API knows it by. */
    private static JsonNode withId(JsonNode item, String reference, String idField, Map<String, String> ids) {
        ObjectNode copy = item.deepCopy();
        JsonNode name = copy.remove(reference);
        if (name != null) {
            String id = ids.get(name.asText().toLowerCase(Locale.ROOT));
            if (id == null) {
                id = ids.get(name.asText());
            }
            if (id == null) {
                throw new IllegalStateException("demo-network.json refers to unknown " + reference + " " + name);
            }
            copy.put(idField, id);
        }
        return copy;
    }

    /** A copy without the demo file's own notes ({@code _comment}), which the API would refuse as unknown fields. */
    private static ObjectNode withoutComments(JsonNode item) {
        ObjectNode copy = item.deepCopy();
        copy.remove(copy.properties().stream().map(Map.Entry::getKey).filter(name -> name.startsWith("_")).toList());
        return copy;
    }

    private static String key(String... parts) {
        return String.join("|", parts).toLowerCase(Locale.ROOT);
    }

    /** The demo coordinator (kaisa) logs in through the demo realm's script client. */
    private static String coordinatorToken(String keycloak) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=voimala-cli&username=kaisa&password="
                + URLEncoder.encode("kaisa-demo", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(keycloak + "/realms/voimala/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the demo coordinator could not log in: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** Harjula's hospital system states its wards' availability with its own client (client credentials). */
    private static String hospitalFeedToken(String keycloak) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=hospital-feed&client_secret="
                + URLEncoder.encode("demo-hospital-feed-secret-change-me", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(keycloak + "/realms/voimala/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the hospital feed could not get a token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }
}
