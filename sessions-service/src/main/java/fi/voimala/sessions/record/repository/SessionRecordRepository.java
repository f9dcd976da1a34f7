package fi.voimala.sessions.record.repository;

import fi.voimala.sessions.record.SessionRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SessionRecordRepository implements PanacheRepositoryBase<SessionRecord, UUID> {

    /** The record of this visit, if it has one (there is at most one: session_record_one_per_visit). */
    public Uni<SessionRecord> findByVisit(UUID visitId) {
        return find("visitId", visitId).firstResult();
    }
}
