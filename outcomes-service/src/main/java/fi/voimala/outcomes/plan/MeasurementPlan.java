package fi.voimala.outcomes.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A series' measurement plan; its points are {@link MeasurementPlanPoint}s, replaced together. */
@Entity
@Table(name = "measurement_plan")
public class MeasurementPlan {

    @Id
    @Column(name = "series_id")
    public UUID seriesId;
    @Version
    public long version;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
