package fi.voimala.outcomes.support;

import static org.hamcrest.Matchers.equalTo;

import fi.voimala.outcomes.support.Network.Participant;
import fi.voimala.outcomes.support.Network.Series;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A series ready to be measured, through the API: its visits in the copies (weekly, the first four weeks ago), a
 * measurement plan written by its pair (UCLA-3, the physical-function set and UWES-9 at baseline and end, the mood
 * check before and after each session), and helpers that enter answers as a tablet would.
 */
public final class Measuring {

    public static final String MEASUREMENTS = "/api/measurements";
    public static final String PLANS = "/api/measurement-plans/";
    public static final String OUTCOMES = "/api/outcomes";

    public final Network network;
    public final Series series;
    /** The series' visits, oldest first: 28, 21, 14 and 7 days ago. */
    public final List<UUID> visits = new ArrayList<>();

    public Measuring(Network network) {
        this(network, network.series());
    }

    public Measuring(Network network, Series series) {
        this.network = network;
        this.series = series;
        for (int daysAgo = 28; daysAgo >= 7; daysAgo -= 7) {
            visits.add(network.pastVisit(series, daysAgo));
        }
        artist().body(Map.of("points", List.of(
                        point("ucla-3", "BASELINE"), point("ucla-3", "END"),
                        point("physical-function", "BASELINE"), point("physical-function", "END"),
                        point("uwes-9", "BASELINE"), point("uwes-9", "END"),
                        point("session-mood", "BEFORE_SESSION"), point("session-mood", "AFTER_SESSION"))))
                .put(PLANS + series.id()).then().statusCode(200);
    }

    public static Map<String, Object> point(String instrument, String timePoint) {
        return Map.of("instrumentKey", instrument, "timePoint", timePoint);
    }

    public RequestSpecification artist() {
        return series.pair().artist().as();
    }

    /** The first session's day: the baseline window closes then. */
    public LocalDate firstSession() {
        return LocalDate.now(Network.HELSINKI).minusDays(28);
    }

    /** The last session's day: the end window opens then. */
    public LocalDate lastSession() {
        return LocalDate.now(Network.HELSINKI).minusDays(7);
    }

    /** UCLA-3 answers adding up to {@code total} (3-9). */
    public static Map<String, Integer> ucla(int total) {
        int[] a = {1, 1, 1};
        for (int i = 0; i < total - 3; i++) {
            a[i % 3]++;
        }
        return Map.of("companionship", a[0], "left-out", a[1], "isolated", a[2]);
    }

    public Map<String, Object> body(String instrument, String timePoint, Participant who, LocalDate on,
                                    Map<String, Integer> answers) {
        Map<String, Object> body = new HashMap<>();
        body.put("seriesId", series.id().toString());
        body.put("instrumentKey", instrument);
        body.put("timePoint", timePoint);
        body.put("participantCode", who.code());
        body.put("measuredOn", on.toString());
        body.put("answers", answers);
        return body;
    }

    /** The pair's artist enters a participant's UCLA-3 at baseline (the first session's day) or end (the last's). */
    public Response ucla(Participant who, String timePoint, int total) {
        LocalDate on = timePoint.equals("BASELINE") ? firstSession() : lastSession();
        return artist().body(body("ucla-3", timePoint, who, on, ucla(total))).post(MEASUREMENTS);
    }

    public void uclaBaselineAndEnd(Participant who, int before, int after) {
        ucla(who, "BASELINE", before).then().statusCode(201);
        ucla(who, "END", after).then().statusCode(201);
    }

    /** The mood check before and after the session of {@code visit} (faces 1-5). */
    public void mood(Participant who, UUID visit, int before, int after) {
        LocalDate day = network.visitStart(visit).atZone(Network.HELSINKI).toLocalDate();
        for (Object[] check : new Object[][] {{"BEFORE_SESSION", before}, {"AFTER_SESSION", after}}) {
            Map<String, Object> body = body("session-mood", (String) check[0], who, day, Map.of("mood", (Integer) check[1]));
            body.put("visitId", visit.toString());
            artist().body(body).post(MEASUREMENTS).then().statusCode(201).body("visitId", equalTo(visit.toString()));
        }
    }
}
