package fi.voimala.sessions.participant.repository;

import fi.voimala.sessions.participant.ConsentWithdrawal;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentWithdrawalRepository implements PanacheRepositoryBase<ConsentWithdrawal, UUID> {

    /** These participants' withdrawals, oldest first. */
    public Uni<List<ConsentWithdrawal>> of(Collection<UUID> participantIds) {
        if (participantIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("participantId in ?1 order by recordedAt, id", List.copyOf(participantIds));
    }
}
