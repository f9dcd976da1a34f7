package fi.voimala.scheduling.series;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A series (taidepajasarja): a pair's programme of workshops for one group, on a weekly or fortnightly rhythm. */
@Entity
@Table(name = "series")
public class Series {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "group_id")
    public UUID groupId;
    /** The group's site (a group does not change sites). */
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "pair_id")
    public UUID pairId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "art_forms")
    public String[] artForms = new String[0];
    @Column(name = "planned_sessions")
    public int plannedSessions;
    @Column(name = "session_count_reason")
    public String sessionCountReason;
    /** WEEKLY or EVERY_OTHER_WEEK. */
    public String frequency;
    /** MONDAY ... SUNDAY. */
    public String weekday;
    /** Local time in Europe/Helsinki. */
    @Column(name = "start_time")
    public LocalTime startTime;
    @Column(name = "duration_minutes")
    public int durationMinutes;
    @Column(name = "first_date")
    public LocalDate firstDate;
    /** The date of the last visit as first planned: rescheduling may go past it by the configured grace only. */
    @Column(name = "planned_end")
    public LocalDate plannedEnd;
    public String status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
