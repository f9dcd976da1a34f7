package fi.voimala.outcomes.session.repository;

import fi.voimala.outcomes.session.SessionRecordCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SessionRecordCopyRepository implements PanacheRepositoryBase<SessionRecordCopy, UUID> {
}
