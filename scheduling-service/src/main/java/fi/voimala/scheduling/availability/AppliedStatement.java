package fi.voimala.scheduling.availability;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A ward availability statement as applied from topic ward-availability; its id is the event's id. */
@Entity
@Table(name = "ward_statement")
public class AppliedStatement {

    @Id
    public UUID id;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "hospital_organisation_id")
    public UUID hospitalOrganisationId;
    @Column(name = "ward_code")
    public String wardCode;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    /** AVAILABLE or UNAVAILABLE. */
    public String state;
    public String reason;
    @Column(name = "received_at")
    public Instant receivedAt;
}
