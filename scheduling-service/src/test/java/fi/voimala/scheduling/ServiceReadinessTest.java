package fi.voimala.scheduling;

import fi.voimala.platform.testing.ServiceReadinessChecks;
import io.quarkus.test.junit.QuarkusTest;

/** The platform's readiness checks (health with the database, OpenAPI and Swagger UI, metrics) on this service. */
@QuarkusTest
class ServiceReadinessTest extends ServiceReadinessChecks {
}
