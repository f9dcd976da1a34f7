package fi.voimala.scheduling.availability;

import fi.voimala.scheduling.support.Network;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A hospital ward, open from August 2027 to May 2028, with a weekly series of 15 visits planned through the API:
 * Tuesdays 13:00-14:30 Helsinki time from 2027-09-07 to 2027-12-14 (no Finnish public holiday falls on those
 * Tuesdays: Independence Day 2027 is a Monday, All Saints' Day the Saturday 6 November). Its closure, 5 October to
 * 5 November inclusive, covers the five visits of 5, 12, 19 and 26 October and 2 November.
 */
public final class WardSeries {

    public static final String CLOSED_FROM = "2027-10-05T00:00:00+03:00";
    /** Summer time ended on 31 October 2027, so midnight of 6 November is +02:00. */
    public static final String CLOSED_TO = "2027-11-06T00:00:00+02:00";
    public static final String REASON = "Norovirus isolation";

    public final Network network;
    public final String wardCode;
    public final UUID wardId;
    public final String seriesId;

    private WardSeries(Network network, String wardCode, UUID wardId, String seriesId) {
        this.network = network;
        this.wardCode = wardCode;
        this.wardId = wardId;
        this.seriesId = seriesId;
    }

    public static WardSeries plan(Network network) {
        String wardCode = "W" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        UUID ward = network.ward(wardCode);
        network.openWard(ward, Instant.parse("2027-08-01T00:00:00Z"), Instant.parse("2028-06-01T00:00:00Z"));
        Map<String, Object> body = Map.of("groupId", network.group(ward).toString(), "pairId", network.pair().toString(),
                "artForms", List.of("MUSIC"), "plannedSessions", 15, "frequency", "WEEKLY", "startTime", "13:00",
                "durationMinutes", 90, "firstDate", "2027-09-07");
        String series = network.coordinator().body(body).post("/api/series").then().statusCode(201)
                .extract().path("id");
        return new WardSeries(network, wardCode, ward, series);
    }

    /** The series' visits in time order, as the coordinator sees them. */
    public List<Map<String, Object>> visits() {
        return network.coordinator().queryParam("seriesId", seriesId).queryParam("size", 100).queryParam("sort", "startsAt")
                .get("/api/visits").then().statusCode(200).extract().path("items");
    }

    /** The ids of the visits numbered 5-9, the five in the closure. */
    public List<String> closedVisits() {
        return visits().stream().filter(v -> (Integer) v.get("ordinal") >= 5 && (Integer) v.get("ordinal") <= 9)
                .map(v -> (String) v.get("id")).toList();
    }

    /** The event key of this ward's statements. */
    public String key() {
        return network.organisationId + ":" + wardCode;
    }

    /** The data of the closure as it goes on ward-availability. */
    public String closure() {
        return statement(wardCode, CLOSED_FROM, CLOSED_TO, "UNAVAILABLE", REASON);
    }

    public String statement(String code, String from, String to, String state, String reason) {
        return new JsonObject().put("hospitalOrganisationId", network.organisationId.toString()).put("wardCode", code)
                .put("from", from).put("to", to).put("state", state).put("reason", reason).put("source", "test").encode();
    }
}
