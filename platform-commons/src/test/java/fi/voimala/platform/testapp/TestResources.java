package fi.voimala.platform.testapp;

import fi.voimala.platform.testing.KafkaTestBroker;
import fi.voimala.platform.testing.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The real servers every test of platform-commons runs against: its own database and a Kafka broker in the JVM. */
@QuarkusTestResource(value = PostgresTestDatabase.class,
        initArgs = @ResourceArg(name = "database", value = "platform_commons_test"))
@QuarkusTestResource(value = KafkaTestBroker.class,
        initArgs = @ResourceArg(name = "topics", value = TestWidgetResource.TOPIC + "," + TestWidgetResource.TOPIC + "-dlq"))
public class TestResources {
}
