package fi.voimala.platform.testapp;

import fi.voimala.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;
import java.util.UUID;

/** A service endpoint as services write them: one transaction changes a row and records the event it causes. */
@Path("/test/widgets")
public class TestWidgetResource {

    public static final String TOPIC = "platform-test-events";
    public static final String TYPE = "fi.voimala.test.widget.created.v1";

    private final Outbox outbox;

    TestWidgetResource(Outbox outbox) {
        this.outbox = outbox;
    }

    public record Created(UUID widgetId, UUID eventId) {
    }

    /** Creates a widget and records its event; with {@code fail=true} the transaction fails after both writes. */
    @POST
    @WithTransaction
    public Uni<Created> create(@QueryParam("name") String name, @QueryParam("fail") boolean fail) {
        TestWidget widget = new TestWidget();
        widget.id = UUID.randomUUID();
        widget.name = name;
        return widget.<TestWidget>persist()
                .chain(() -> outbox.record(TOPIC, TYPE, widget.id.toString(),
                        Map.of("widgetId", widget.id.toString(), "name", name)))
                .map(event -> {
                    if (fail) {
                        throw new WebApplicationException("rolled back on purpose", 409);
                    }
                    return new Created(widget.id, event.id);
                });
    }
}
