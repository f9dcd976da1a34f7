package fi.voimala.scheduling.partner.repository;

import fi.voimala.scheduling.partner.SiteCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SiteCopyRepository implements PanacheRepositoryBase<SiteCopy, UUID> {

    /** The open ward of this hospital organisation with this ward code (codes compared without case). */
    public Uni<SiteCopy> findOpenWard(UUID hospitalOrganisationId, String wardCode) {
        return find("organisationId = ?1 and lower(wardCode) = lower(?2) and type = ?3 and status = ?4",
                hospitalOrganisationId, wardCode, SiteCopy.HOSPITAL_WARD, SiteCopy.OPEN).firstResult();
    }
}
