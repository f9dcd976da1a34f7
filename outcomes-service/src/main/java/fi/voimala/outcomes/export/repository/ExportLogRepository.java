package fi.voimala.outcomes.export.repository;

import fi.voimala.outcomes.export.ExportLogEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ExportLogRepository implements PanacheRepositoryBase<ExportLogEntry, UUID> {
}
