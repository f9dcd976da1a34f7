package fi.voimala.scheduling.availability.repository;

import fi.voimala.scheduling.availability.AppliedStatement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AppliedStatementRepository implements PanacheRepositoryBase<AppliedStatement, UUID> {
}
