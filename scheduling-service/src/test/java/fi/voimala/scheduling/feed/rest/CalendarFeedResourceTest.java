package fi.voimala.scheduling.feed.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.scheduling.feed.FeedSecret;
import fi.voimala.scheduling.support.Network;
import fi.voimala.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calendar feeds end to end: a professional makes a feed and gets its secret address once; a calendar app fetches it
 * without a token and reads it back as iCalendar (parsed here with ical4j, as apps parse it); a moved visit keeps its
 * UID with a higher SEQUENCE and its new DTSTART, a cancelled one is STATUS:CANCELLED; a revoked feed and the old
 * address after a new link are 404; only the secret's hash is stored; and who may make, list and revoke feeds.
 */
@QuarkusTest
class CalendarFeedResourceTest {

    /** The default of voimala.scheduling.public-url: the gateway on this machine. */
    static final String PUBLIC_URL = "http://localhost:8080";

    @Inject
    DataSource db;

    Network network;
    String login;
    UUID artist;
    RequestSpecification asArtist;

    @BeforeEach
    void freshNetwork() {
        network = new Network(db);
        login = UUID.randomUUID().toString();
        artist = network.professional("ARTS_AND_CULTURE", login);
    }

    RequestSpecification artist() {
        return Network.as(TestTokens.token("artist", network.alias, login));
    }

    String series(UUID pair, String firstDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("groupId", network.group(network.site()).toString());
        body.put("pairId", pair.toString());
        body.put("artForms", List.of("MUSIC", "DANCE"));
        body.put("plannedSessions", 15);
        body.put("frequency", "WEEKLY");
        body.put("startTime", "10:00");
        body.put("durationMinutes", 60);
        body.put("firstDate", firstDate);
        return network.coordinator().body(body).post("/api/series").then().statusCode(201).extract().path("id");
    }

    List<Map<String, Object>> visitsOf(String seriesId) {
        return network.coordinator().queryParam("seriesId", seriesId).queryParam("size", 100).queryParam("sort", "startsAt")
                .get("/api/visits").then().statusCode(200).extract().path("items");
    }

    /** What a calendar app does: fetch the address with no token at all, and parse what comes. */
    static Calendar fetch(String url) throws Exception {
        String text = given().get(url.substring(PUBLIC_URL.length())).then().statusCode(200)
                .header("Content-Type", equalTo("text/calendar; charset=utf-8"))
                .header("Cache-Control", equalTo("private, max-age=300"))
                .extract().asString();
        return new CalendarBuilder().build(new StringReader(text));
    }

    static void gone(String url) {
        given().get(url.substring(PUBLIC_URL.length())).then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no such calendar feed"));
    }

    static VEvent event(Calendar calendar, String visitId) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().filter(e -> e.getRequiredProperty("UID").getValue().equals(visitId + "@voimala.fi"))
                .findFirst().orElseThrow(() -> new AssertionError("no event for visit " + visitId));
    }

    static String value(VEvent event, String property) {
        return event.getRequiredProperty(property).getValue();
    }

    static Instant instant(VEvent event, String property) {
        DateProperty<Temporal> date = event.getRequiredProperty(property);
        return Instant.from(date.getDate());
    }

    @Test
    void theFeedFollowsMovesAndCancellationsUnderTheSameUid() throws Exception {
        String series = series(network.pair(artist, network.nurse()), "2027-09-06");
        List<Map<String, Object>> visits = visitsOf(series);

        String url = artist().post("/api/calendar-feeds").then().statusCode(201)
                .header("Location", containsString("/api/calendar-feeds/"))
                .body("professionalId", equalTo(artist.toString()))
                .body("url", startsWith(PUBLIC_URL + "/calendar/"))
                .body("url", endsWith(".ics"))
                .body("createdAt", org.hamcrest.Matchers.notNullValue())
                .extract().path("url");
        String secret = url.substring((PUBLIC_URL + "/calendar/").length(), url.length() - ".ics".length());
        assertEquals(1, network.count("select count(*) from calendar_feed where secret_hash = ? and professional_id = ?",
                FeedSecret.hash(secret), artist), "only the secret's hash is stored");
        assertEquals(0, network.count("select count(*) from calendar_feed where secret_hash = ?", secret));

        Calendar calendar = fetch(url);
        assertFalse(calendar.validate().hasErrors(), "valid iCalendar");
        assertEquals(15, calendar.getComponents(Component.VEVENT).size());
        Map<String, Object> first = visits.get(0);
        VEvent firstEvent = event(calendar, (String) first.get("id"));
        assertEquals("Taidepaja: Musiikki, tanssi – " + first.get("groupName"), value(firstEvent, "SUMMARY"));
        assertEquals(Instant.parse((String) first.get("startsAt")), instant(firstEvent, "DTSTART"));
        assertEquals(Instant.parse((String) first.get("endsAt")), instant(firstEvent, "DTEND"));
        assertThat(value(firstEvent, "LOCATION"), containsString(first.get("siteName") + ", Puijonkatu 1, 70100 Kuopio"));
        assertEquals(first.get("artsProfessionalName") + " ja " + first.get("careProfessionalName") + "\nSessio 1/15",
                value(firstEvent, "DESCRIPTION"));
        assertEquals("0", value(firstEvent, "SEQUENCE"));
        assertEquals("CONFIRMED", value(firstEvent, "STATUS"));
        assertThat(value(event(calendar, (String) visits.get(14).get("id")), "DESCRIPTION"), endsWith("Sessio 15/15"));

        // Monday 2027-09-20 10:00 -> Tuesday 2027-09-21 12:00 Helsinki (UTC+3 in September).
        String moved = (String) visits.get(2).get("id");
        network.coordinator().body(Map.of("startsAt", "2027-09-21T12:00:00+03:00", "reason", "the hall is booked"))
                .post("/api/visits/" + moved + "/move").then().statusCode(200);
        String cancelled = (String) visits.get(4).get("id");
        network.coordinator().body(Map.of("reason", "norovirus in the unit")).post("/api/visits/" + cancelled + "/cancel")
                .then().statusCode(200);

        Calendar again = fetch(url);
        assertEquals(15, again.getComponents(Component.VEVENT).size(), "a cancelled visit stays, marked cancelled");
        VEvent movedEvent = event(again, moved);
        assertTrue(Integer.parseInt(value(movedEvent, "SEQUENCE")) > Integer.parseInt(value(event(calendar, moved), "SEQUENCE")));
        assertEquals(Instant.parse("2027-09-21T09:00:00Z"), instant(movedEvent, "DTSTART"));
        assertEquals(Instant.parse("2027-09-21T10:00:00Z"), instant(movedEvent, "DTEND"));
        assertThat(value(movedEvent, "DESCRIPTION"), endsWith("Sessio 3/15"));
        VEvent cancelledEvent = event(again, cancelled);
        assertEquals("CANCELLED", value(cancelledEvent, "STATUS"));
        assertThat(value(cancelledEvent, "SUMMARY"), startsWith("Peruttu: Taidepaja: "));
        assertEquals("1", value(cancelledEvent, "SEQUENCE"));
        assertFalse(value(cancelledEvent, "DESCRIPTION").contains("norovirus"), "reasons stay out of the feed");
        // The numbers keep running past the cancelled session: the sixth visit is now the fifth session held.
        assertThat(value(event(again, (String) visits.get(5).get("id")), "DESCRIPTION"), endsWith("Sessio 5/15"));
    }

    @Test
    void aNewLinkOrARevocationEndsTheOldAddress() throws Exception {
        series(network.pair(artist, network.nurse()), "2027-10-04");
        String oldUrl = artist().post("/api/calendar-feeds").then().statusCode(201).extract().path("url");
        fetch(oldUrl);

        String newUrl = artist().body(Map.of("professionalId", artist.toString())).post("/api/calendar-feeds").then()
                .statusCode(201).extract().path("url");
        gone(oldUrl);
        assertEquals(15, fetch(newUrl).getComponents(Component.VEVENT).size());

        // The list shows both, the old one revoked, and never an address or secret.
        String listed = artist().get("/api/calendar-feeds").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[0].active", equalTo(true)).body("items[0].revokedAt", nullValue())
                .body("items[1].active", equalTo(false))
                .body("items[0].url", nullValue())
                .extract().asString();
        assertFalse(listed.contains(newUrl.substring(PUBLIC_URL.length() + "/calendar/".length(), newUrl.length() - 4)));
        String current = artist().queryParam("active", "true").get("/api/calendar-feeds").then()
                .body("totalItems", equalTo(1)).extract().path("items[0].id");

        artist().delete("/api/calendar-feeds/" + current).then().statusCode(204);
        gone(newUrl);
        artist().delete("/api/calendar-feeds/" + current).then().statusCode(409).body("violations.rule", hasItem("already-revoked"));
        artist().get("/api/calendar-feeds/" + current).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void theFeedReachesNinetyDaysBackAndShowsHeldVisits() throws Exception {
        String series = series(network.pair(artist, network.nurse()), "2027-11-01");
        List<Map<String, Object>> visits = visitsOf(series);
        // Written past the API, as if time had passed: one session 100 days ago, one 30 days ago and held since.
        Instant hundredDaysAgo = Instant.now().minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.HOURS);
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        String old = (String) visits.get(0).get("id");
        String held = (String) visits.get(1).get("id");
        network.execute("update visit set starts_at = ?, ends_at = ? where id = ?::uuid", Timestamp.from(hundredDaysAgo),
                Timestamp.from(hundredDaysAgo.plus(Duration.ofHours(1))), old);
        network.execute("update visit set starts_at = ?, ends_at = ?, status = 'HELD' where id = ?::uuid", Timestamp.from(monthAgo),
                Timestamp.from(monthAgo.plus(Duration.ofHours(1))), held);
        String url = network.coordinator().body(Map.of("professionalId", artist.toString())).post("/api/calendar-feeds")
                .then().statusCode(201).extract().path("url");

        Calendar calendar = fetch(url);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(14, events.size());
        assertTrue(events.stream().noneMatch(e -> value(e, "UID").startsWith(old)), "more than 90 days back is left out");
        assertEquals("CONFIRMED", value(event(calendar, held), "STATUS"));
        assertEquals(monthAgo, instant(event(calendar, held), "DTSTART"));
        assertEquals("Voimala – " + visits.get(0).get("artsProfessionalName"),
                calendar.getRequiredProperty("X-WR-CALNAME").getValue());

        // A professional with no visits still gets a valid, empty calendar.
        UUID idle = network.nurse();
        String idleUrl = network.coordinator().body(Map.of("professionalId", idle.toString())).post("/api/calendar-feeds")
                .then().statusCode(201).extract().path("url");
        Calendar empty = fetch(idleUrl);
        assertEquals(0, empty.getComponents(Component.VEVENT).size());
        assertFalse(empty.validate().hasErrors());
    }

    @Test
    void unknownAddressesAreNotFoundAndRevealNothing() {
        gone(PUBLIC_URL + "/calendar/" + FeedSecret.newSecret() + ".ics");
        given().get("/calendar/short.ics").then().statusCode(404).contentType("application/problem+json");
        given().get("/calendar/" + FeedSecret.newSecret()).then().statusCode(404);
        // A token is neither needed nor any help.
        given().auth().oauth2(TestTokens.coordinator()).get("/calendar/" + FeedSecret.newSecret() + ".ics").then().statusCode(404);
    }

    @Test
    void whoMayMakeListAndRevokeFeeds() {
        UUID colleague = network.nurse();
        Network other = new Network(db);

        artist().body(Map.of("professionalId", colleague.toString())).post("/api/calendar-feeds").then().statusCode(403)
                .contentType("application/problem+json");
        other.orgAdmin().body(Map.of("professionalId", artist.toString())).post("/api/calendar-feeds").then().statusCode(403);
        String byAdmin = network.orgAdmin().body(Map.of("professionalId", artist.toString())).post("/api/calendar-feeds")
                .then().statusCode(201).body("professionalId", equalTo(artist.toString())).extract().path("id");

        other.orgAdmin().get("/api/calendar-feeds/" + byAdmin).then().statusCode(403);
        other.orgAdmin().delete("/api/calendar-feeds/" + byAdmin).then().statusCode(403);
        other.orgAdmin().queryParam("professionalId", artist.toString()).get("/api/calendar-feeds").then().statusCode(200)
                .body("totalItems", equalTo(0));
        Network.as(TestTokens.token("care-professional", network.alias, UUID.randomUUID().toString()))
                .get("/api/calendar-feeds/" + byAdmin).then().statusCode(403);
        network.orgAdmin().queryParam("professionalId", artist.toString()).get("/api/calendar-feeds").then()
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(byAdmin));
        network.coordinator().queryParam("professionalId", artist.toString()).get("/api/calendar-feeds").then()
                .body("totalItems", equalTo(1));
        artist().get("/api/calendar-feeds").then().body("totalItems", equalTo(1)).body("items[0].id", equalTo(byAdmin));

        // Who has no professional profile must name the professional; an unknown one is named as such.
        network.coordinator().post("/api/calendar-feeds").then().statusCode(422).body("violations.field", hasItem("professionalId"));
        network.coordinator().body(Map.of("professionalId", UUID.randomUUID().toString())).post("/api/calendar-feeds").then()
                .statusCode(422).body("violations.rule", hasItem("referenced-exists"));
        network.coordinator().body(Map.of("professionalId", "me")).post("/api/calendar-feeds").then().statusCode(400)
                .body("violations.field", hasItem("professionalId"));
        network.coordinator().body(Map.of("person", artist.toString())).post("/api/calendar-feeds").then().statusCode(400)
                .body("violations.rule", hasItem("unknown-field"));
        network.coordinator().queryParam("active", "yes").get("/api/calendar-feeds").then().statusCode(422)
                .body("violations.field", hasItem("active"));

        for (String role : List.of("viewer", "researcher", "hospital-system")) {
            Network.as(TestTokens.token(role, network.alias)).get("/api/calendar-feeds").then().statusCode(403);
            Network.as(TestTokens.token(role, network.alias)).body(Map.of("professionalId", artist.toString()))
                    .post("/api/calendar-feeds").then().statusCode(403);
        }
        given().get("/api/calendar-feeds").then().statusCode(401);
        network.orgAdmin().delete("/api/calendar-feeds/" + byAdmin).then().statusCode(204);
    }

    private static <T> void assertThat(T actual, org.hamcrest.Matcher<? super T> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }
}
