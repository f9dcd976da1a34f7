package fi.voimala.sessions.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What happened at a visit, as its pair recorded it: held or not (and why), the actual times, who came (participants
 * present are {@link Attendance}s, anonymous extra attendees a count), care staff present ({@link StaffPresence}s of
 * the register's professionals, others a count), art forms and methods, observations and the pair's reflection. One
 * per visit; correctable until {@code correctableUntil}, each correction kept as a {@link SessionRecordChange}.
 */
@Entity
@Table(name = "session_record")
public class SessionRecord {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "pair_id")
    public UUID pairId;
    public boolean held;
    @Column(name = "not_held_reason")
    public String notHeldReason;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "extra_attendees")
    public int extraAttendees;
    @Column(name = "other_staff_count")
    public int otherStaffCount;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "art_forms")
    public String[] artForms = new String[0];
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] methods = new String[0];
    public String observations;
    public String reflection;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "correctable_until")
    public Instant correctableUntil;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
