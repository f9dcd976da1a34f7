package fi.voimala.outcomes.schedule.repository;

import fi.voimala.outcomes.schedule.GroupCopy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class GroupCopyRepository implements PanacheRepositoryBase<GroupCopy, UUID> {
}
