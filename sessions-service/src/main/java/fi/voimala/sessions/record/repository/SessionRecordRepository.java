package fi.voimala.sessions.record.repository;

import fi.voimala.sessions.record.SessionRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SessionRecordRepository implements PanacheRepositoryBase<SessionRecord, UUID> {
}
