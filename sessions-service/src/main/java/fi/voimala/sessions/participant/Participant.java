package fi.voimala.sessions.participant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An elderly person enrolled in one series, known to the platform only by a generated pseudonymous {@link
 * ParticipantCode}; names stay at the care unit. At most a year-of-birth band and gender. Consent as given at
 * enrolment; its withdrawals are {@link ConsentWithdrawal}s.
 */
@Entity
@Table(name = "participant")
public class Participant {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "series_id")
    public UUID seriesId;
    /** The code's nine characters without hyphens (ParticipantCode.value()). */
    public String code;
    /** A five-year band, e.g. "1940-1944". */
    @Column(name = "year_of_birth_band")
    public String yearOfBirthBand;
    /** A {@link Gender}, or null. */
    public String gender;
    /** A {@link ConsentGiver}. */
    @Column(name = "consent_given_by")
    public String consentGivenBy;
    @Column(name = "consent_given_on")
    public LocalDate consentGivenOn;
    /** {@link ConsentPurpose}s; always includes PARTICIPATION. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "consent_covers")
    public String[] consentCovers = new String[0];
    @Column(name = "consent_note")
    public String consentNote;
    @Column(name = "enrolled_at")
    public Instant enrolledAt;
    /** The user name of who enrolled them. */
    @Column(name = "enrolled_by")
    public String enrolledBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
