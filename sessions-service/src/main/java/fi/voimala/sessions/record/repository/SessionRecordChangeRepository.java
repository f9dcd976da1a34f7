package fi.voimala.sessions.record.repository;

import fi.voimala.sessions.record.SessionRecordChange;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SessionRecordChangeRepository implements PanacheRepositoryBase<SessionRecordChange, UUID> {

    /** A record's corrections, oldest first. */
    public Uni<List<SessionRecordChange>> of(UUID recordId) {
        return list("sessionRecordId = ?1 order by version, changedAt", recordId);
    }
}
