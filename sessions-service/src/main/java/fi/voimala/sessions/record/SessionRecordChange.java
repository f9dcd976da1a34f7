package fi.voimala.sessions.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One correction of a session record: who, when, from which organisation, and what changed, as
 * {@code {"field": {"from": ..., "to": ...}}} (participants as their ids).
 */
@Entity
@Table(name = "session_record_change")
public class SessionRecordChange {

    @Id
    public UUID id;
    @Column(name = "session_record_id")
    public UUID sessionRecordId;
    /** The record's version after the correction. */
    public long version;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_by_organisation")
    public String changedByOrganisation;
    /**
     * The JSON text of the changes. Kept as text in Java and jsonb in the database (as the outbox keeps its payload):
     * the double cast makes PostgreSQL parse the text.
     */
    @ColumnTransformer(read = "changes::text", write = "cast(cast(? as text) as jsonb)")
    public String changes;
}
