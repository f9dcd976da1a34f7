package fi.voimala.outcomes.session.repository;

import fi.voimala.outcomes.session.ParticipantCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ParticipantCopyRepository implements PanacheRepositoryBase<ParticipantCopy, UUID> {
}
