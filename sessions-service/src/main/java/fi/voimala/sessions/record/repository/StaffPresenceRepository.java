package fi.voimala.sessions.record.repository;

import fi.voimala.sessions.record.StaffPresence;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class StaffPresenceRepository implements PanacheRepositoryBase<StaffPresence, StaffPresence.Key> {

    /** The professionals present as care staff at each of these sessions. */
    public Uni<Map<UUID, List<UUID>>> staffOf(Collection<UUID> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("key.sessionRecordId in ?1", List.copyOf(recordIds)).map(found -> found.stream()
                .collect(Collectors.groupingBy(s -> s.key.sessionRecordId,
                        Collectors.mapping(s -> s.key.professionalId, Collectors.toList()))));
    }

    public Uni<Long> remove(UUID recordId, Collection<UUID> professionalIds) {
        if (professionalIds.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        return delete("key.sessionRecordId = ?1 and key.professionalId in ?2", recordId, List.copyOf(professionalIds));
    }
}
