package fi.voimala.sessions.participant.repository;

import fi.voimala.sessions.participant.ConsentWithdrawal;
import fi.voimala.sessions.participant.Participant;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

    /** These participants of the series (by code) with their consent withdrawals, read in one query. */
    public record WithWithdrawals(List<Participant> participants, List<ConsentWithdrawal> withdrawals) {
    }

    public Uni<WithWithdrawals> inSeriesByCodesWithWithdrawals(UUID seriesId, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(new WithWithdrawals(List.of(), List.of()));
        }
        return getSession().chain(session -> session.createSelectionQuery("select p, w from Participant p"
                        + " left join ConsentWithdrawal w on w.participantId = p.id"
                        + " where p.seriesId = :series and p.code in :codes order by w.recordedAt, w.id", Object[].class)
                .setParameter("series", seriesId).setParameter("codes", List.copyOf(codes)).getResultList())
                .map(rows -> {
                    Map<UUID, Participant> participants = new LinkedHashMap<>();
                    List<ConsentWithdrawal> withdrawals = new ArrayList<>();
                    for (Object[] row : rows) {
                        Participant participant = (Participant) row[0];
                        participants.putIfAbsent(participant.id, participant);
                        if (row[1] != null) {
                            withdrawals.add((ConsentWithdrawal) row[1]);
                        }
                    }
                    return new WithWithdrawals(List.copyOf(participants.values()), withdrawals);
                });
    }

    public Uni<List<Participant>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", List.copyOf(ids));
    }
}
