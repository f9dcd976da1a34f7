package fi.voimala.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service must show to be operable on the platform, checked alike in each (a service's test class
 * extends this, annotated {@code @QuarkusTest}): ready only with its database reachable, its API described in
 * OpenAPI titled after the service with Swagger UI on, and Prometheus metrics exposed.
 */
public abstract class ServiceReadinessChecks {

    @Test
    void isReadyWithItsDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections")));
    }

    @Test
    void describesItsApiAndShowsSwaggerUi() {
        String service = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Voimala " + service));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
