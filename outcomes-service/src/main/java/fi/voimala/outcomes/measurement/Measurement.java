package fi.voimala.outcomes.measurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One person's answers to an instrument at a time point of a series, and the scores computed from them: a
 * participant (by their id in sessions) or a staff member (a professional of the register). Kept also when taken
 * outside the plan's window, flagged.
 */
@Entity
@Table(name = "measurement")
public class Measurement {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "series_id")
    public UUID seriesId;
    @Column(name = "instrument_id")
    public UUID instrumentId;
    @Column(name = "instrument_key")
    public String instrumentKey;
    /** A TimePoint. */
    @Column(name = "time_point")
    public String timePoint;
    /** The session, for a check before or after one. */
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(name = "participant_id")
    public UUID participantId;
    @Column(name = "staff_professional_id")
    public UUID staffProfessionalId;
    @Column(name = "measured_on")
    public LocalDate measuredOn;
    /** {"itemId": value or null}, as answered. */
    @ColumnTransformer(read = "answers::text", write = "cast(cast(? as text) as jsonb)")
    public String answers;
    /** The scores as computed when answered: [{"key", "value", "raw", "answered", "missing", "imputed"}]. */
    @ColumnTransformer(read = "scores::text", write = "cast(cast(? as text) as jsonb)")
    public String scores;
    @Column(name = "in_window")
    public boolean inWindow;
    @Column(name = "window_opens")
    public LocalDate windowOpens;
    @Column(name = "window_closes")
    public LocalDate windowCloses;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public UUID subjectId() {
        return participantId != null ? participantId : staffProfessionalId;
    }
}
