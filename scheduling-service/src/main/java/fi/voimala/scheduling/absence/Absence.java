package fi.voimala.scheduling.absence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A professional's absence (leave, training, illness): time in which no visit may be booked for them. */
@Entity
@Table(name = "absence")
public class Absence {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "professional_id")
    public UUID professionalId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    public String reason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
