package fi.voimala.outcomes.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One instrument at one {@link TimePoint} of a series, with its window: from {@code daysBefore} days before the time
 * point's anchor to {@code daysAfter} days after it.
 */
@Entity
@Table(name = "measurement_plan_point")
public class MeasurementPlanPoint {

    @Id
    public UUID id;
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "instrument_key")
    public String instrumentKey;
    @Column(name = "instrument_version")
    public int instrumentVersion;
    /** A {@link TimePoint}. */
    @Column(name = "time_point")
    public String timePoint;
    @Column(name = "days_before")
    public int daysBefore;
    @Column(name = "days_after")
    public int daysAfter;
    /** For a follow-up: weeks after the last session. */
    @Column(name = "follow_up_weeks")
    public Integer followUpWeeks;
}
