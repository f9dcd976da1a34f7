package fi.voimala.platform.inbox;

import io.smallrye.mutiny.Uni;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a consumer does for each event type it needs: "on type T, read the data as record R, apply this effect".
 * Immutable; build it once, in a field, and pass it to {@link EventConsumer#consume}:
 *
 * <pre>{@code
 * private final EventHandlers handlers = EventHandlers
 *         .on("fi.voimala.partner.organisation.joined.v1", OrganisationJoined.class, event -> organisations.add(event.data()))
 *         .and("fi.voimala.partner.organisation.left.v1", OrganisationLeft.class, event -> organisations.remove(event.data()));
 * }</pre>
 *
 * Types without a handler are acknowledged and skipped: a consumer reads only what it needs of a topic.
 */
public final class EventHandlers {

    /** The change one event causes; runs in the transaction that also marks the event as applied. */
    @FunctionalInterface
    public interface Effect<T> {
        Uni<Void> apply(ReceivedEvent<T> event);
    }

    /** One type's handling: the record its data is read into and the effect. */
    record Handler<T>(Class<T> dataType, Effect<T> effect) {
    }

    private final Map<String, Handler<?>> byType;

    private EventHandlers(Map<String, Handler<?>> byType) {
        this.byType = Collections.unmodifiableMap(byType);
    }

    /** The first handler: events of {@code type} have their data read as {@code dataType} and then {@code effect}. */
    public static <T> EventHandlers on(String type, Class<T> dataType, Effect<T> effect) {
        return new EventHandlers(Map.of()).and(type, dataType, effect);
    }

    /** These handlers and one more, for another type (a type may have one handler only). */
    public <T> EventHandlers and(String type, Class<T> dataType, Effect<T> effect) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(effect, "effect");
        if (byType.containsKey(type)) {
            throw new IllegalArgumentException("A handler for " + type + " exists already");
        }
        Map<String, Handler<?>> more = new LinkedHashMap<>(byType);
        more.put(type, new Handler<>(dataType, effect));
        return new EventHandlers(more);
    }

    /** The types handled, in the order they were added. */
    public Set<String> types() {
        return byType.keySet();
    }

    Optional<Handler<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
