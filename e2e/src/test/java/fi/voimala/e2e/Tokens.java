package fi.voimala.e2e;

import static io.restassured.RestAssured.given;

/**
 * Real tokens from the real Keycloak: users log in with the password grant of the public {@code voimala-cli}
 * client (enabled on the demo realm only), hospital systems with client credentials.
 */
public final class Tokens {

    private static final String TOKEN_ENDPOINT =
            RunningPlatform.KEYCLOAK + "/realms/voimala/protocol/openid-connect/token";

    private Tokens() {
    }

    /** Demo users' passwords are the user name + "-demo" (README, "Demo logins"). */
    public static String forUser(String username) {
        return forUserThroughClient(username, "voimala-cli");
    }

    /** A user's token issued to {@code client}, a public client of realm voimala with direct access grants. */
    public static String forUserThroughClient(String username, String client) {
        return given().formParam("grant_type", "password").formParam("client_id", client)
                .formParam("username", username).formParam("password", username + "-demo")
                .formParam("scope", "openid")
                .when().post(TOKEN_ENDPOINT)
                .then().statusCode(200).extract().path("access_token");
    }

    public static String forHospitalFeed() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "hospital-feed")
                .formParam("client_secret", "demo-hospital-feed-secret-change-me")
                .when().post(TOKEN_ENDPOINT)
                .then().statusCode(200).extract().path("access_token");
    }
}
