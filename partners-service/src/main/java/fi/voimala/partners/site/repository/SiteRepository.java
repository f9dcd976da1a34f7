package fi.voimala.partners.site.repository;

import fi.voimala.partners.site.Site;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Sites in the partners database. */
@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, UUID> {

    /** The open ward of one hospital with this code, if any (codes are compared without case). */
    public Uni<Site> findOpenWard(UUID organisationId, String hospitalName, String wardCode) {
        return find("organisationId = ?1 and lower(hospitalName) = lower(?2) and lower(wardCode) = lower(?3) and closedOn is null",
                organisationId, hospitalName, wardCode).firstResult();
    }
}
