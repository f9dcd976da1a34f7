package fi.voimala.sessions.schedule.repository;

import fi.voimala.sessions.schedule.VisitCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class VisitCopyRepository implements PanacheRepositoryBase<VisitCopy, UUID> {
}
