package fi.voimala.outcomes.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** This service's copy of a series (from visit-events): what its outcomes are grouped by (target group, art form, site, season). */
@Entity
@Table(name = "series_copy")
public class SeriesCopy {

    public static final String CANCELLED = "CANCELLED";

    @Id
    public UUID id;
    public long version;
    @Column(name = "group_id")
    public UUID groupId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "pair_id")
    public UUID pairId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "art_forms")
    public String[] artForms = new String[0];
    @Column(name = "planned_sessions")
    public int plannedSessions;
    @Column(name = "duration_minutes")
    public int durationMinutes;
    @Column(name = "first_date")
    public LocalDate firstDate;
    @Column(name = "planned_end")
    public LocalDate plannedEnd;
    /** ACTIVE, PAUSED or CANCELLED. */
    public String status;

    public boolean isCancelled() {
        return CANCELLED.equals(status);
    }
}
