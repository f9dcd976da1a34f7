package fi.voimala.sessions.record;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A professional of the register who took part in a session as care staff (their learning at work counts). */
@Entity
@Table(name = "session_staff")
public class StaffPresence {

    @EmbeddedId
    public Key key;

    public StaffPresence() {
    }

    public StaffPresence(UUID sessionRecordId, UUID professionalId) {
        this.key = new Key(sessionRecordId, professionalId);
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "session_record_id")
        public UUID sessionRecordId;
        @Column(name = "professional_id")
        public UUID professionalId;

        public Key() {
        }

        public Key(UUID sessionRecordId, UUID professionalId) {
            this.sessionRecordId = sessionRecordId;
            this.professionalId = professionalId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(sessionRecordId, key.sessionRecordId)
                    && Objects.equals(professionalId, key.professionalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionRecordId, professionalId);
        }
    }
}
