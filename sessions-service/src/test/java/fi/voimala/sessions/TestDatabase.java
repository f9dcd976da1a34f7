package fi.voimala.sessions;

import fi.voimala.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this service runs on its own database, sessions_test, on the real PostgreSQL. */
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "database", value = "sessions_test"))
public class TestDatabase {
}
