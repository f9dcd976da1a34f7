package fi.voimala.outcomes.plan.repository;

import fi.voimala.outcomes.plan.MeasurementPlan;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class MeasurementPlanRepository implements PanacheRepositoryBase<MeasurementPlan, UUID> {
}
