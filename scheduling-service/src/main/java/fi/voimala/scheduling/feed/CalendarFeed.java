package fi.voimala.scheduling.feed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A professional's calendar feed: only the SHA-256 of its secret URL token is kept; revoked feeds answer 404. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    public UUID id;
    @Column(name = "professional_id")
    public UUID professionalId;
    @Column(name = "secret_hash")
    public String secretHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
