package fi.voimala.gateway.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * One browser's stream. It keeps, per partition, the next offset it has passed on, so that an event reaches the
 * browser once even when it comes both from a catch-up read and from the live feed; and it holds events back while
 * it waits (for its catch-up, or to ask again which series its user reads after a new one appeared), so that they
 * arrive in order. Every method is called from the feed's thread or from a callback, hence synchronized.
 */
final class StreamConnection implements EventFeed.Listener {

    private static final Logger LOG = Logger.getLogger(StreamConnection.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Events held back beyond this mean the browser cannot keep up: it is disconnected and resumes from Kafka. */
    static final int MOST_HELD_BACK = 10_000;
    static final long RECONNECT_DELAY_MS = 3_000;
    /**
     * Heartbeats in a row at which the browser was found not reading (events waiting and none taken since the last, or
     * the connection's write queue full); then the connection is closed, so that what waits for it does not grow
     * without end, and the browser resumes from its last event when it reads again.
     */
    static final int MOST_STALLED_HEARTBEATS = 2;
    /** Events waiting for a browser at most, whatever the time (a catch-up is at most the catch-up limit). */
    static final int MOST_WAITING = 20_000;

    private final MultiEmitter<? super OutboundSseEvent> out;
    private final Sse sse;
    private final HttpServerResponse response;
    private long emitted;
    private volatile long taken;
    private long takenAtLastHeartbeat;
    private int stalledHeartbeats;
    private final StreamAudience audience;
    private final Supplier<Uni<Set<String>>> askReadableSeries;
    private final Map<TopicPartition, Long> sent = new HashMap<>();
    private final Set<String> askedAbout = new HashSet<>();
    private List<StreamEvent> heldBack = new ArrayList<>();
    /** The order in which this stream's position is written (the partitions of the feed when it opened). */
    private List<TopicPartition> order = List.of();
    private boolean waiting = true;
    private boolean closed;

    StreamConnection(MultiEmitter<? super OutboundSseEvent> out, Sse sse, HttpServerResponse response,
                     StreamAudience audience, Supplier<Uni<Set<String>>> askReadableSeries) {
        this.out = out;
        this.sse = sse;
        this.response = response;
        this.audience = audience;
        this.askReadableSeries = askReadableSeries;
    }

    /**
     * Opens the stream from where the browser stands ({@code from}: its last event id, or the feed's position when it
     * is new) with what it missed: a {@code ready} event, then the missed events, then the live ones. When the missed
     * events cannot all be had, {@code ready} says so ({@code missedEvents}: the page reloads its figures) and the
     * stream goes on from the live position.
     */
    synchronized void open(StreamPosition from, StreamPosition live, EventFeed.History history, boolean resumed) {
        live.asMap().forEach((partition, next) -> sent.put(partition, history.complete() ? from.next(partition) : next));
        order = StreamPosition.order(sent.keySet());
        ObjectNode ready = JSON.createObjectNode().put("resumed", resumed).put("missedEvents", !history.complete());
        emit("ready", ready.toString());
        waiting = false;
        List<StreamEvent> queue = new ArrayList<>(history.complete() ? history.events() : List.of());
        queue.addAll(heldBack);
        heldBack = new ArrayList<>();
        drain(queue);
    }

    synchronized void close() {
        closed = true;
    }

    @Override
    public synchronized void live(StreamEvent event) {
        if (closed) {
            return;
        }
        if (waiting) {
            heldBack.add(event);
            if (heldBack.size() > MOST_HELD_BACK) {
                closed = true;
                out.fail(new IllegalStateException("the stream fell " + MOST_HELD_BACK + " events behind"));
            }
            return;
        }
        drain(List.of(event));
    }

    /** The stream's consumer (the HTTP response's writer) took an event to write. */
    void taken() {
        taken++;
    }

    @Override
    public synchronized void heartbeat(StreamPosition position) {
        if (closed || waiting) {
            return;
        }
        boolean stalled = response.writeQueueFull() || (emitted > taken && taken == takenAtLastHeartbeat);
        takenAtLastHeartbeat = taken;
        stalledHeartbeats = stalled ? stalledHeartbeats + 1 : 0;
        if (stalledHeartbeats >= MOST_STALLED_HEARTBEATS) {
            closeUnread();
            return;
        }
        // Every record up to the feed's position has been through live(): it was sent or was not for this user.
        position.asMap().forEach((partition, next) -> sent.merge(partition, next, Math::max));
        emit("heartbeat", "{}");
    }

    private void drain(List<StreamEvent> queue) {
        for (int i = 0; i < queue.size(); i++) {
            if (waiting) {
                heldBack.addAll(queue.subList(i, queue.size()));
                return;
            }
            pass(queue.get(i));
        }
    }

    private void pass(StreamEvent event) {
        if (event.offset() < sent.getOrDefault(event.partition(), 0L)) {
            return;
        }
        if (audience.mayHaveGainedSeries(event) && askedAbout.add(event.seriesId())) {
            // A series this user may now read (a new one, or one moved to their pair): ask before deciding.
            waiting = true;
            heldBack.add(event);
            askReadableSeries.get().subscribe().with(ids -> {
                audience.readableSeries(ids);
                resume();
            }, failure -> {
                LOG.warnf("could not ask which series a stream's user reads: %s", failure.toString());
                resume();
            });
            return;
        }
        sent.put(event.partition(), event.offset() + 1);
        switch (audience.view(event)) {
            case WHOLE -> emit(event.name(), event.whole());
            case THAT_IT_HAPPENED -> emit(event.name(), event.thatItHappened());
            case NOTHING -> { }
        }
    }

    private synchronized void resume() {
        waiting = false;
        List<StreamEvent> queue = heldBack;
        heldBack = new ArrayList<>();
        drain(queue);
    }

    private void closeUnread() {
        LOG.debugf("a stream's browser stopped reading (%d events waiting): closing it", emitted - taken);
        closed = true;
        response.close();
    }

    private void emit(String name, String data) {
        if (closed || out.isCancelled()) {
            // The browser left: nothing more is written for it (writing after it left fills the log with errors).
            closed = true;
            return;
        }
        if (emitted - taken > MOST_WAITING) {
            closeUnread();
            return;
        }
        emitted++;
        out.emit(sse.newEventBuilder().name(name).id(StreamPosition.format(order, sent))
                .reconnectDelay(RECONNECT_DELAY_MS).data(String.class, data)
                .build());
    }
}
