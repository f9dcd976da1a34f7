package fi.voimala.sessions.schedule.repository;

import fi.voimala.sessions.schedule.GroupCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class GroupCopyRepository implements PanacheRepositoryBase<GroupCopy, UUID> {
}
