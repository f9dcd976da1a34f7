package fi.voimala.outcomes.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * This service's copy of a participant (from session-events): the pseudonymous code a research export shows, and what
 * their consent covers on a given day, which decides whether they may be measured and whether their data may leave
 * the service for research.
 */
@Entity
@Table(name = "participant_copy")
public class ParticipantCopy {

    public static final String MEASUREMENTS = "MEASUREMENTS";
    public static final String RESEARCH_USE = "RESEARCH_USE";

    @Id
    public UUID id;
    public long version;
    @Column(name = "series_id")
    public UUID seriesId;
    public String code;
    @Column(name = "year_of_birth_band")
    public String yearOfBirthBand;
    public String gender;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "consent_covers")
    public String[] consentCovers = new String[0];
    @Column(name = "participation_withdrawn_from")
    public LocalDate participationWithdrawnFrom;
    @Column(name = "measurements_withdrawn_from")
    public LocalDate measurementsWithdrawnFrom;
    @Column(name = "research_withdrawn_from")
    public LocalDate researchWithdrawnFrom;
    /** Held sessions of the series they were present at (the dose), kept as session records arrive. */
    @Column(name = "sessions_attended")
    public int sessionsAttended;

    /** The consent given covered {@code purpose} and it is not withdrawn by {@code day}. */
    public boolean consents(String purpose, LocalDate day) {
        if (!Arrays.asList(consentCovers).contains(purpose)) {
            return false;
        }
        LocalDate withdrawn = switch (purpose) {
            case MEASUREMENTS -> measurementsWithdrawnFrom;
            case RESEARCH_USE -> researchWithdrawnFrom;
            default -> participationWithdrawnFrom;
        };
        return withdrawn == null || day.isBefore(withdrawn);
    }
}
