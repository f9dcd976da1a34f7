package fi.voimala.scheduling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Proves the service is operable as the platform expects: ready only with its database reachable, its API
 * described in OpenAPI with Swagger UI, and Prometheus metrics exposed.
 */
@QuarkusTest
class ServiceReadinessTest {

    @Test
    void isReadyWithItsDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections")));
    }

    @Test
    void describesItsApiAndShowsSwaggerUi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Voimala scheduling-service"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
