package fi.voimala.partners.support;

import static io.restassured.RestAssured.given;

import fi.voimala.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds fresh register data through the API as the coordinator, so each test owns what it checks
 * (the test database is kept between runs; every name and ID here is new).
 */
public final class Register {

    private Register() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Business IDs the test database holds (it is kept between runs) and those handed out in this run. */
    private static Set<String> takenBusinessIds;

    /**
     * A new valid Finnish business ID: seven random digits and their check digit (see BusinessId), never one the test
     * database already has: with seven digits, a random one met an earlier run's now and then.
     */
    public static synchronized String newBusinessId() {
        if (takenBusinessIds == null) {
            takenBusinessIds = existingBusinessIds();
        }
        int[] weights = {7, 9, 10, 5, 8, 4, 2};
        while (true) {
            String digits = String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
            int sum = 0;
            for (int i = 0; i < 7; i++) {
                sum += (digits.charAt(i) - '0') * weights[i];
            }
            int remainder = sum % 11;
            String id = digits + "-" + (remainder == 0 ? 0 : 11 - remainder);
            if (remainder != 1 && takenBusinessIds.add(id)) {
                return id;
            }
        }
    }

    private static Set<String> existingBusinessIds() {
        Config config = ConfigProvider.getConfig();
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             ResultSet rows = connection.createStatement().executeQuery("select business_id from organisation")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the test database's business IDs", e);
        }
        return ids;
    }

    public static String newAlias() {
        return "test-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public static Map<String, Object> organisationBody(String alias) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Testiyhdistys " + alias);
        body.put("businessId", newBusinessId());
        body.put("sectors", List.of("THIRD_SECTOR"));
        body.put("memberSince", "2018-01-01");
        body.put("keycloakAlias", alias);
        return body;
    }

    /** A new organisation; returns its id. */
    public static String organisation(String alias) {
        return as(TestTokens.coordinator()).body(organisationBody(alias))
                .when().post("/api/organisations").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> professionalBody(String organisationId, String field, String profession) {
        Map<String, Object> body = new HashMap<>();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        body.put("organisationId", organisationId);
        body.put("firstName", "Testi");
        body.put("lastName", "Henkilö-" + unique);
        body.put("email", "testi." + unique + "@example.fi");
        body.put("phone", "+358 40 123 4567");
        body.put("field", field);
        body.put("profession", profession);
        body.put("methods", List.of("SINGING"));
        body.put("languages", List.of("fi"));
        return body;
    }

    public static String professional(String organisationId, String field, String profession, String keycloakUserId) {
        Map<String, Object> body = professionalBody(organisationId, field, profession);
        body.put("keycloakUserId", keycloakUserId);
        return as(TestTokens.coordinator()).body(body)
                .when().post("/api/professionals").then().statusCode(201).extract().path("id");
    }

    public static String artist(String organisationId) {
        return professional(organisationId, "ARTS_AND_CULTURE", "MUSIC_PEDAGOGUE", null);
    }

    public static String nurse(String organisationId) {
        return professional(organisationId, "SOCIAL_AND_HEALTH", "NURSE", null);
    }

    public static String pair(String artsId, String careId) {
        return as(TestTokens.coordinator()).body(Map.of("artsProfessionalId", artsId, "careProfessionalId", careId))
                .when().post("/api/pairs").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> siteBody(String organisationId, String type) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", organisationId);
        body.put("name", "Palvelutalo " + UUID.randomUUID().toString().substring(0, 8));
        body.put("type", type);
        body.put("street", "Puijonkatu 1");
        body.put("postalCode", "70100");
        body.put("city", "Kuopio");
        return body;
    }

    public static Map<String, Object> wardBody(String organisationId, String hospital, String wardCode) {
        Map<String, Object> body = siteBody(organisationId, "HOSPITAL_WARD");
        body.put("name", "Osasto " + wardCode);
        body.put("hospitalName", hospital);
        body.put("wardCode", wardCode);
        return body;
    }

    public static String site(String organisationId) {
        return as(TestTokens.coordinator()).body(siteBody(organisationId, "SENIOR_HOUSE"))
                .when().post("/api/sites").then().statusCode(201).extract().path("id");
    }
}
