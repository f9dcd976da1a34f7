package fi.voimala.sessions.audit.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The audit log as the API shows it (read only). */
public final class AuditApi {

    private AuditApi() {
    }

    public record AuditEntryView(UUID id, Instant at, String actor, String actorSubject, String actorOrganisation,
                                 List<String> actorRoles, String action, String endpoint, List<UUID> participantIds,
                                 UUID seriesId, String detail) {
    }
}
