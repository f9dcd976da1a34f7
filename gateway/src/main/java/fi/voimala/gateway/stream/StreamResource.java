package fi.voimala.gateway.stream;

import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The live stream for browsers: {@code outcome-events}, {@code session-events} and {@code visit-events} as
 * server-sent events, filtered by {@link StreamAudience}. Each event's id is the stream's position
 * ({@link StreamPosition}); a browser that reconnects sends it back as {@code Last-Event-ID} (EventSource does so by
 * itself) and is sent what it missed first, from Kafka, by whichever gateway instance it reaches.
 */
@Path("/api/stream")
@Authenticated
public class StreamResource {

    @Inject
    SecurityIdentity identity;
    @Inject
    EventFeed feed;
    @Inject
    ReadableSeries readableSeries;
    @Inject
    Vertx vertx;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live events for the logged-in user (server-sent events: ready, outcome, session, visit, heartbeat)")
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "The id of the last event received; a browser's EventSource sends it when it reconnects")
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "The same as Last-Event-ID, for clients that cannot set the header")
            @QueryParam("lastEventId") String lastEventIdParameter,
            @Context Sse sse, @Context HttpServerResponse response) {
        StreamAudience audience = StreamAudience.of(Caller.of(identity));
        if (!audience.seesAnything()) {
            throw new ForbiddenException("the live stream is for people who read the network's series or figures");
        }
        if (!feed.enabled() || !feed.ready()) {
            throw new ServiceUnavailableException("the live stream is not connected to Kafka yet", 5L);
        }
        StreamPosition resume = resumeFrom(lastEventId != null ? lastEventId : lastEventIdParameter,
                lastEventId != null ? "Last-Event-ID" : "lastEventId");
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        String token = credential == null ? null : credential.getToken();
        long untilExpiry = expiresAt() - System.currentTimeMillis();
        AtomicReference<StreamConnection> opened = new AtomicReference<>();
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            StreamConnection connection = new StreamConnection(emitter, sse, response, audience,
                    () -> readableSeries.of(token));
            opened.set(connection);
            StreamPosition live = feed.subscribe(connection);
            // The stream ends when the token it was opened with does: the browser reconnects with its session (whose
            // token the gateway refreshes) and resumes from its last event; a user who logged out gets 401 instead.
            long expiry = vertx.setTimer(Math.max(1, untilExpiry), timer -> emitter.complete());
            emitter.onTermination(() -> {
                vertx.cancelTimer(expiry);
                connection.close();
                feed.unsubscribe(connection);
            });
            Uni<Set<String>> series = audience.needsReadableSeries() ? readableSeries.of(token)
                    : Uni.createFrom().item(Set.of());
            series.invoke(audience::readableSeries)
                    .chain(known -> resume == null ? Uni.createFrom().item(new EventFeed.History(List.of(), true))
                            : Uni.createFrom().item(() -> feed.readBetween(resume, live))
                                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                    .subscribe().with(history -> connection.open(resume == null ? live : resume, live, history,
                            resume != null), emitter::fail);
        }, BackPressureStrategy.BUFFER)
                // Counted as the response takes each event to write: events that wait untaken mean a browser that
                // stopped reading (StreamConnection closes it at a heartbeat).
                .onItem().invoke(() -> opened.get().taken());
    }

    /** When the caller's token expires (epoch ms); an hour from now for a token that does not say. */
    private long expiresAt() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return token.getExpirationTime() * 1000;
        }
        return System.currentTimeMillis() + 3_600_000;
    }

    private static StreamPosition resumeFrom(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return StreamPosition.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException(field, "stream-position", "not an event id of this stream: " + e.getMessage());
        }
    }
}
