package fi.voimala.outcomes.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** This service's copy of a session record (from session-events): who was present, so each participant's dose. */
@Entity
@Table(name = "session_record_copy")
public class SessionRecordCopy {

    @Id
    public UUID id;
    public long version;
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(name = "series_id")
    public UUID seriesId;
    public boolean held;
    @Column(name = "started_at")
    public Instant startedAt;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "participant_ids")
    public UUID[] participantIds = new UUID[0];
}
