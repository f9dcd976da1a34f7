package fi.voimala.scheduling.visit.mapping;

import fi.voimala.scheduling.group.ActivityGroup;
import fi.voimala.scheduling.partner.ProfessionalCopy;
import fi.voimala.scheduling.partner.SiteCopy;
import fi.voimala.scheduling.series.Series;
import fi.voimala.scheduling.visit.Visit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The names shown beside a page of visits (group, site, people), read in four queries for the whole page. */
public final class VisitNames {

    private final Map<UUID, UUID> groupOfSeries = new HashMap<>();
    private final Map<UUID, String> groupNames = new HashMap<>();
    private final Map<UUID, String> siteNames = new HashMap<>();
    private final Map<UUID, String> personNames = new HashMap<>();

    private VisitNames() {
    }

    public static Uni<VisitNames> of(Collection<Visit> visits) {
        VisitNames names = new VisitNames();
        if (visits.isEmpty()) {
            return Uni.createFrom().item(names);
        }
        Set<UUID> series = visits.stream().map(v -> v.seriesId).collect(Collectors.toSet());
        Set<UUID> sites = visits.stream().map(v -> v.siteId).collect(Collectors.toSet());
        Set<UUID> people = visits.stream().flatMap(v -> java.util.stream.Stream.of(v.artsProfessionalId, v.careProfessionalId))
                .collect(Collectors.toSet());
        return Panache.getSession().chain(session -> session
                        .createSelectionQuery("from Series where id in :ids", Series.class).setParameter("ids", series).getResultList()
                        .invoke(list -> list.forEach(s -> names.groupOfSeries.put(s.id, s.groupId)))
                        .chain(list -> session.createSelectionQuery("from ActivityGroup where id in :ids", ActivityGroup.class)
                                .setParameter("ids", list.stream().map(s -> s.groupId).collect(Collectors.toSet())).getResultList())
                        .invoke(list -> list.forEach(g -> names.groupNames.put(g.id, g.name)))
                        .chain(() -> session.createSelectionQuery("from SiteCopy where id in :ids", SiteCopy.class)
                                .setParameter("ids", sites).getResultList())
                        .invoke(list -> list.forEach(s -> names.siteNames.put(s.id, s.name)))
                        .chain(() -> session.createSelectionQuery("from ProfessionalCopy where id in :ids", ProfessionalCopy.class)
                                .setParameter("ids", people).getResultList())
                        .invoke(list -> list.forEach(p -> names.personNames.put(p.id, p.displayName()))))
                .replaceWith(names);
    }

    public static Uni<VisitNames> of(Visit visit) {
        return of(List.of(visit));
    }

    public UUID groupOf(UUID seriesId) {
        return groupOfSeries.get(seriesId);
    }

    public String groupName(UUID seriesId) {
        UUID group = groupOfSeries.get(seriesId);
        return group == null ? null : groupNames.get(group);
    }

    public String siteName(UUID siteId) {
        return siteNames.get(siteId);
    }

    public String personName(UUID professionalId) {
        return personNames.get(professionalId);
    }
}
