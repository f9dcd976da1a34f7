package fi.voimala.partners.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A place where groups meet, owned by an organisation; a hospital ward carries the hospital's own ward code. */
@Entity
@Table(name = "site")
public class Site {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "organisation_id")
    public UUID organisationId;
    public String name;
    public String type;
    public String street;
    @Column(name = "postal_code")
    public String postalCode;
    public String city;
    @Column(name = "hospital_name")
    public String hospitalName;
    @Column(name = "ward_code")
    public String wardCode;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "close_reason")
    public String closeReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isClosed() {
        return closedOn != null;
    }
}
