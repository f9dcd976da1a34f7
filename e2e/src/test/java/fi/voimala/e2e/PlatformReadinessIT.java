package fi.voimala.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.stream.Stream;

/**
 * Proves that ./voimala up brought every app to ready, that each running app is the build under test (the stamp on
 * its process's command line equals the hash of the jars in its target folder), and that Keycloak serves realm
 * voimala.
 */
@ExtendWith(RunningPlatform.class)
class PlatformReadinessIT {

    @TestFactory
    Stream<DynamicTest> everyAppReportsReady() {
        return RunningPlatform.APPS.stream().map(app -> DynamicTest.dynamicTest(app.name(), () ->
                given().when().get(app.url() + "/q/health/ready")
                        .then().statusCode(200).body("status", equalTo("UP"))));
    }

    @TestFactory
    Stream<DynamicTest> everyRunningAppIsTheBuildUnderTest() {
        RunningPlatform.Launcher launcher = RunningPlatform.current();
        return RunningPlatform.APPS.stream().map(app -> DynamicTest.dynamicTest(app.name(), () ->
                assertEquals(RunningPlatform.buildOnDisk(app), RunningPlatform.runningBuild(launcher, app),
                        app.name() + " must run the build in " + app.name() + "/target")));
    }

    @Test
    void keycloakServesTheVoimalaRealmWithAFixedIssuer() {
        // The issuer must not follow the caller's host (127.0.0.1 vs localhost), or services reject tokens.
        given().when().get("http://127.0.0.1:8180/realms/voimala/.well-known/openid-configuration")
                .then().statusCode(200)
                .body("issuer", equalTo("http://localhost:8180/realms/voimala"));
    }
}
