package fi.voimala.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves single sign-on end to end: every demo user logs in at the real Keycloak and the gateway reads their
 * roles and organisation from the token; a missing, tampered, foreign-signed or unsigned token gets 401, and so does
 * a genuine token of the realm that was issued to a client outside the platform (its audience lacks voimala-api), at
 * the gateway and at a service called directly.
 */
@ExtendWith(RunningPlatform.class)
class GatewayAuthenticationIT {

    private static final String ME = RunningPlatform.GATEWAY + "/api/me";

    // The demo users of deploy/keycloak/voimala-realm.json, as the README lists them.
    @ParameterizedTest(name = "{0} is {1} of {2}")
    @CsvSource({
            "kaisa,  coordinator,       kuopion-konservatorio",
            "olli,   org-admin,         kuopion-kaupunki",
            "hilkka, org-admin,         pshp-kys",
            "aapo,   artist,            kuopion-konservatorio",
            "sanni,  care-professional, kuopion-kaupunki",
            "reijo,  researcher,        ita-suomen-yliopisto",
            "veera,  viewer,            kuopion-kaupunki"})
    void eachDemoUserSeesTheirRolesAndOrganisation(String username, String role, String organization) {
        given().auth().oauth2(Tokens.forUser(username))
                .when().get(ME)
                .then().statusCode(200)
                .body("username", equalTo(username))
                .body("roles", contains(role))
                .body("organization", equalTo(organization));
    }

    @Test
    void theHospitalFeedIsAHospitalSystemOfTheHospitalDistrict() {
        given().auth().oauth2(Tokens.forHospitalFeed())
                .when().get(ME)
                .then().statusCode(200)
                .body("username", equalTo("service-account-hospital-feed"))
                .body("roles", contains("hospital-system"))
                .body("organization", equalTo("pshp-kys"));
    }

    @Test
    void noTokenGets401NotALoginPage() {
        given().redirects().follow(false).when().get(ME).then().statusCode(401);
        given().redirects().follow(false).when().get(RunningPlatform.GATEWAY + "/api/anything-else")
                .then().statusCode(401);
    }

    @Test
    void aTokenWhosePayloadWasChangedGets401() {
        String[] parts = Tokens.forUser("veera").split("\\.");
        String payload = decode(parts[1]).replace("\"viewer\"", "\"coordinator\"");
        given().auth().oauth2(parts[0] + "." + encode(payload) + "." + parts[2])
                .when().get(ME).then().statusCode(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyGets401() throws Exception {
        String[] parts = Tokens.forUser("kaisa").split("\\.");
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.generateKeyPair().getPrivate());
        signer.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        given().auth().oauth2(forged).when().get(ME).then().statusCode(401);
    }

    @Test
    void anUnsignedAlgNoneTokenGets401() {
        String[] parts = Tokens.forUser("kaisa").split("\\.");
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        given().auth().oauth2(header + "." + parts[1] + ".").when().get(ME).then().statusCode(401);
    }

    @Test
    void aTokenOfTheRealmNotMeantForThePlatformGets401() {
        // admin-cli is Keycloak's own client in every realm: its tokens are genuine, but not for the platform.
        String foreign = Tokens.forUserThroughClient("kaisa", "admin-cli");
        String platforms = Tokens.forUser("kaisa");
        given().auth().oauth2(foreign).when().get(ME).then().statusCode(401);
        String partners = RunningPlatform.APPS.get(1).url() + "/api/organisations";
        given().auth().oauth2(foreign).when().get(partners).then().statusCode(401);
        given().auth().oauth2(platforms).when().get(partners).then().statusCode(200);
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
