package fi.voimala.partners.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An agreement a partner organisation has with the network (the founding partners': in force 1.1.2018). */
@Entity
@Table(name = "agreement")
public class Agreement {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "organisation_id")
    public UUID organisationId;
    public String type;
    public String title;
    @Column(name = "signed_on")
    public LocalDate signedOn;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
