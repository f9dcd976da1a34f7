package fi.voimala.scheduling;

import fi.voimala.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this service runs on its own database, scheduling_test, on the real PostgreSQL. */
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "database", value = "scheduling_test"))
public class TestDatabase {
}
