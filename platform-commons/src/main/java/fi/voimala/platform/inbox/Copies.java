package fi.voimala.platform.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Keeping a copy of another service's aggregate from its events, which carry the aggregate's whole state and its
 * version: the copy is replaced only by a newer version, so a redelivered or replayed older event changes nothing,
 * whatever order the events of different aggregates arrive in. Runs in the consumer's transaction.
 */
public final class Copies {

    private Copies() {
    }

    /**
     * Stores {@code data} as the copy with this id when the copy is missing or older; answers the stored copy, or null
     * when the event was not newer than the copy (nothing changed).
     */
    public static <E, D> Uni<E> keep(PanacheRepositoryBase<E, UUID> repository, UUID id, long version, Supplier<E> create,
                                     ToLongFunction<E> versionOf, BiConsumer<E, D> copy, D data) {
        return repository.findById(id).chain(existing -> {
            if (existing == null) {
                E fresh = create.get();
                copy.accept(fresh, data);
                return repository.persist(fresh);
            }
            if (versionOf.applyAsLong(existing) >= version) {
                return Uni.createFrom().nullItem();
            }
            copy.accept(existing, data);
            return Uni.createFrom().item(existing);
        });
    }
}
