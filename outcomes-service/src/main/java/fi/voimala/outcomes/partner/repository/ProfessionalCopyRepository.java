package fi.voimala.outcomes.partner.repository;

import fi.voimala.outcomes.partner.ProfessionalCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ProfessionalCopyRepository implements PanacheRepositoryBase<ProfessionalCopy, UUID> {

    /** The professional whose login is this token subject (Keycloak user id), if any. */
    public Uni<ProfessionalCopy> findByLogin(String keycloakUserId) {
        return keycloakUserId == null ? Uni.createFrom().nullItem() : find("keycloakUserId", keycloakUserId).firstResult();
    }

    /** These professionals by id (those the copy has), in one query. */
    public Uni<Map<UUID, ProfessionalCopy>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("id in ?1", ids.stream().distinct().toList())
                .map(found -> found.stream().collect(Collectors.toMap(p -> p.id, Function.identity())));
    }
}
