package fi.voimala.sessions.record.repository;

import fi.voimala.sessions.record.Attendance;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class AttendanceRepository implements PanacheRepositoryBase<Attendance, Attendance.Key> {

    /** The participants present at each of these sessions (a session nobody came to is absent from the map). */
    public Uni<Map<UUID, List<UUID>>> participantsOf(Collection<UUID> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("key.sessionRecordId in ?1", List.copyOf(recordIds)).map(found -> found.stream()
                .collect(Collectors.groupingBy(a -> a.key.sessionRecordId,
                        Collectors.mapping(a -> a.key.participantId, Collectors.toList()))));
    }

    public Uni<Long> remove(UUID recordId, Collection<UUID> participantIds) {
        if (participantIds.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        return delete("key.sessionRecordId = ?1 and key.participantId in ?2", recordId, List.copyOf(participantIds));
    }
}
