package fi.voimala.scheduling.group.repository;

import fi.voimala.scheduling.group.ActivityGroup;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<ActivityGroup, UUID> {
}
