package fi.voimala.scheduling.group.repository;

import fi.voimala.scheduling.group.ActivityGroup;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<ActivityGroup, UUID> {

    /** Whether any series (of whatever status) has been planned for the group. */
    public Uni<Boolean> hasSeries(UUID groupId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select count(*) from Series where groupId = :group", Long.class)
                .setParameter("group", groupId).getSingleResult()).map(n -> n > 0);
    }

    /** Whether one of the professional's pairs runs a series for the group. */
    public Uni<Boolean> runBy(UUID groupId, UUID professionalId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select count(*) from Series s where s.groupId = :group and s.pairId in (select p.id from PairCopy p"
                                + " where p.artsProfessionalId = :me or p.careProfessionalId = :me)", Long.class)
                .setParameter("group", groupId).setParameter("me", professionalId).getSingleResult()).map(n -> n > 0);
    }
}
