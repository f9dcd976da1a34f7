package fi.voimala.outcomes.plan.repository;

import fi.voimala.outcomes.plan.MeasurementPlanPoint;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MeasurementPlanPointRepository implements PanacheRepositoryBase<MeasurementPlanPoint, UUID> {

    public Uni<List<MeasurementPlanPoint>> ofSeries(UUID seriesId) {
        return list("seriesId", Sort.by("timePoint").and("instrumentKey"), seriesId);
    }

    /** The plan's point for this instrument and time point, or null when the plan has none. */
    public Uni<MeasurementPlanPoint> find(UUID seriesId, String instrumentKey, String timePoint) {
        return find("seriesId = ?1 and instrumentKey = ?2 and timePoint = ?3", seriesId, instrumentKey, timePoint)
                .firstResult();
    }
}
