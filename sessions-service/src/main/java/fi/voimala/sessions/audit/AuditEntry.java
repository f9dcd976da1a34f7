package fi.voimala.sessions.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One read or change of participant data: who (user name, token subject, roles), from which organisation, when,
 * what, through which endpoint, about which participants. Append-only (a trigger in V1__sessions.sql refuses deletes
 * and every update but erasure's, which takes an erased participant's id out of earlier entries).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    public UUID id;
    /** Insertion order (the database's sequence): entries of one instant stay in the order they were written. */
    @Column(insertable = false, updatable = false)
    public Long position;
    public Instant at;
    public String actor;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_organisation")
    public String actorOrganisation;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "actor_roles")
    public String[] actorRoles = new String[0];
    /** An {@link AuditAction}. */
    public String action;
    /** The HTTP method and path, e.g. {@code GET /api/participants/6a1c...}. */
    public String endpoint;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "participant_ids")
    public UUID[] participantIds = new UUID[0];
    @Column(name = "series_id")
    public UUID seriesId;
    public String detail;
}
