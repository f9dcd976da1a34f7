package fi.voimala.sessions.participant.repository;

import fi.voimala.sessions.participant.Participant;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

    /** The participants of this series with these codes (canonical, without hyphens); codes not enrolled there are absent. */
    public Uni<List<Participant>> inSeriesByCodes(UUID seriesId, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("seriesId = ?1 and code in ?2", seriesId, List.copyOf(codes));
    }

    public Uni<List<Participant>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", List.copyOf(ids));
    }
}
