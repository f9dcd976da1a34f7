package fi.voimala.sessions.audit.service;

import fi.voimala.platform.security.Caller;
import fi.voimala.sessions.audit.AuditAction;
import fi.voimala.sessions.audit.AuditEntry;
import fi.voimala.sessions.audit.repository.AuditEntryRepository;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * Writes the audit log of participant data. Called inside the transaction of the read or change it reports, so a
 * change and its entry commit together, and a read whose entry cannot be written fails rather than go unlogged.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    AuditEntryRepository entries;
    @Inject
    CurrentVertxRequest request;

    /** Records that {@code caller} did {@code action} with these participants' data (of {@code seriesId}, if one). */
    public Uni<Void> record(Caller caller, AuditAction action, Collection<UUID> participantIds, UUID seriesId,
                            String detail) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.at = Instant.now();
        entry.actor = actorOf(caller);
        entry.actorSubject = caller.subject();
        entry.actorOrganisation = caller.organization().orElse(null);
        entry.actorRoles = caller.roles().stream().sorted().toArray(String[]::new);
        entry.action = action.name();
        entry.endpoint = endpoint();
        entry.participantIds = participantIds.stream().distinct().toArray(UUID[]::new);
        entry.seriesId = seriesId;
        entry.detail = detail;
        return entries.persist(entry).replaceWithVoid();
    }

    /** The name a change or an audit entry is written under: the token's user name ("unknown" without one). */
    public static String actorOf(Caller caller) {
        return caller.username() == null ? "unknown" : caller.username();
    }

    /** The request's method and path; outside a request (an event consumer), "event". */
    private String endpoint() {
        RoutingContext current = request.getCurrent();
        if (current == null) {
            return "event";
        }
        return current.request().method().name() + " " + current.request().path();
    }
}
