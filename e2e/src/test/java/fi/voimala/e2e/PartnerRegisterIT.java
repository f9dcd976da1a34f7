package fi.voimala.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.demo.DemoNetworkLoader;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the partner register through the gateway with real Keycloak tokens on the running platform: the demo
 * network is there (and loading it again changes nothing), and an org-admin of one organisation can neither
 * see nor change another organisation's professionals, while a person sees their own profile.
 */
@ExtendWith(RunningPlatform.class)
class PartnerRegisterIT {

    private static RequestSpecification as(String user) {
        return given().baseUri(RunningPlatform.GATEWAY).auth().oauth2(Tokens.forUser(user)).contentType(ContentType.JSON);
    }

    private static String organisationId(String alias) {
        return as("kaisa").queryParam("size", 100).get("/api/organisations").then().statusCode(200).extract()
                .jsonPath().getString("items.find { it.keycloakAlias == '" + alias + "' }.id");
    }

    @Test
    void theDemoNetworkIsLoadedWithTheNinePartnersAndHarjulaWards() {
        as("kaisa").queryParam("size", 100).get("/api/organisations").then().statusCode(200)
                .body("items.keycloakAlias", hasItems("kuopion-konservatorio", "ita-suomen-yliopisto", "kuopion-kaupunki",
                        "pshp-kys", "sakky", "savonia", "sibelius-akatemia-kuopio", "ingman", "kuopion-invalidit"));
        as("kaisa").queryParam("type", "HOSPITAL_WARD").queryParam("q", "Harjulan").get("/api/sites").then().statusCode(200)
                .body("items.wardCode", hasItems("HAR-1", "HAR-2", "HAR-3"));
        as("kaisa").queryParam("active", true).get("/api/pairs").then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.greaterThanOrEqualTo(5));
    }

    @Test
    void loadingTheDemoNetworkTwiceChangesNothing() throws Exception {
        Map<String, Long> before = totals();
        Map<String, int[]> loaded = DemoNetworkLoader.load(RunningPlatform.GATEWAY, RunningPlatform.KEYCLOAK);
        loaded.forEach((kind, count) -> assertEquals(0, count[1], kind + " created on the second load"));
        assertEquals(before, totals());
    }

    private static Map<String, Long> totals() {
        return Map.of(
                "organisations", total("/api/organisations"), "professionals", total("/api/professionals"),
                "sites", total("/api/sites"), "pairs", total("/api/pairs"), "agreements", total("/api/agreements"));
    }

    private static long total(String path) {
        return as("kaisa").get(path).then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    @Test
    void anOrgAdminCannotSeeOrChangeAnotherOrganisationsProfessionals() {
        String city = organisationId("kuopion-kaupunki");
        String hospital = organisationId("pshp-kys");

        // olli (org-admin, Kuopion kaupunki) sees his city's people only, whatever he filters by.
        as("olli").queryParam("size", 100).get("/api/professionals").then().statusCode(200)
                .body("items.organisationId", everyItem(equalTo(city)))
                .body("items.lastName", hasItem("Hoitaja"))
                .body("items.lastName", not(hasItem("Fysioterapeutti")));
        as("olli").queryParam("organisationId", hospital).get("/api/professionals").then().statusCode(200)
                .body("totalItems", equalTo(0));

        // A hospital professional, as the coordinator sees them.
        JsonPath hospitalPeople = as("kaisa").queryParam("organisationId", hospital).get("/api/professionals")
                .then().statusCode(200).extract().jsonPath();
        String physio = hospitalPeople.getString("items.find { it.lastName == 'Fysioterapeutti' }.id");
        Map<String, Object> physioBody = hospitalPeople.getMap("items.find { it.lastName == 'Fysioterapeutti' }");

        as("olli").get("/api/professionals/" + physio).then().statusCode(403)
                .contentType("application/problem+json").body("lastName", org.hamcrest.Matchers.nullValue());
        Map<String, Object> change = new java.util.HashMap<>(physioBody);
        change.remove("id"); // a PUT carries the changeable fields and the version; the id is in the path
        change.put("phone", "040 666 6666");
        as("olli").body(change).put("/api/professionals/" + physio).then().statusCode(403);
        Map<String, Object> intruder = new java.util.HashMap<>(physioBody);
        intruder.remove("id");
        intruder.put("email", "intruder@voimala.test");
        as("olli").body(intruder).post("/api/professionals").then().statusCode(403);
        as("kaisa").get("/api/professionals/" + physio).then().statusCode(200)
                .body("phone", equalTo(physioBody.get("phone")));

        // hilkka (org-admin, the hospital district) is bound the other way round.
        as("hilkka").queryParam("size", 100).get("/api/professionals").then().statusCode(200)
                .body("items.organisationId", everyItem(equalTo(hospital)));
    }

    @Test
    void anArtistSeesTheirOwnProfileAndPair() {
        as("aapo").get("/api/professionals").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].lastName", equalTo("Taiteilija"));
        String sanni = as("sanni").get("/api/professionals").then().statusCode(200)
                .extract().jsonPath().getString("items[0].id");
        as("aapo").get("/api/pairs").then().statusCode(200)
                .body("items.careProfessionalId", hasItem(sanni));
        as("veera").get("/api/professionals").then().statusCode(403);
        as("veera").get("/api/organisations").then().statusCode(200).body("totalItems", org.hamcrest.Matchers.greaterThanOrEqualTo(9));
    }

    @Test
    void badInputThroughTheGatewayIsAProblemNamingTheField() {
        as("kaisa").body(Map.of("name", "Testi", "businessId", "0112038-8", "sectors", List.of("MUNICIPALITY"),
                        "memberSince", "2026-01-01", "keycloakAlias", "testi"))
                .post("/api/organisations").then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("businessId"));
    }
}
