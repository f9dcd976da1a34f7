package fi.voimala.platform.testing;

import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A CloudEvent as SmallRye's Kafka connector hands it to a consumer, for the in-memory channels of fast tests. */
public final class IncomingEvent {

    private IncomingEvent() {
    }

    public static Message<String> of(String id, String type, String subject, String json) {
        return Message.of(json).addMetadata(new DefaultIncomingCloudEventMetadata<>("1.0", id, URI.create("/voimala/test"),
                type, "application/json", null, subject, ZonedDateTime.now(), Map.of(), json));
    }

    public static Message<String> of(String type, String subject, String json) {
        return of(UUID.randomUUID().toString(), type, subject, json);
    }
}
