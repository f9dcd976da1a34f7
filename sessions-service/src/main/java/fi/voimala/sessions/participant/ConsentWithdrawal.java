package fi.voimala.sessions.participant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A withdrawal of (part of) a participant's consent from a date on: what it stops ({@link ConsentPurpose}s). Never
 * changed afterwards; a later withdrawal may stop more.
 */
@Entity
@Table(name = "consent_withdrawal")
public class ConsentWithdrawal {

    @Id
    public UUID id;
    @Column(name = "participant_id")
    public UUID participantId;
    @Column(name = "withdrawn_from")
    public LocalDate withdrawnFrom;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] covers = new String[0];
    public String note;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
}
