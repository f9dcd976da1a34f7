package fi.voimala.sessions.record;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A participant present at a recorded session (erased with the participant). */
@Entity
@Table(name = "session_attendance")
public class Attendance {

    @EmbeddedId
    public Key key;

    public Attendance() {
    }

    public Attendance(UUID sessionRecordId, UUID participantId) {
        this.key = new Key(sessionRecordId, participantId);
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "session_record_id")
        public UUID sessionRecordId;
        @Column(name = "participant_id")
        public UUID participantId;

        public Key() {
        }

        public Key(UUID sessionRecordId, UUID participantId) {
            this.sessionRecordId = sessionRecordId;
            this.participantId = participantId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(sessionRecordId, key.sessionRecordId)
                    && Objects.equals(participantId, key.participantId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionRecordId, participantId);
        }
    }
}
