package fi.voimala.outcomes.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** This service's copy of a site from partner-events: whose site a series meets at (an org-admin reads its own). */
@Entity
@Table(name = "site_copy")
public class SiteCopy {

    @Id
    public UUID id;
    public long version;
    @Column(name = "organisation_id")
    public UUID organisationId;
    public String name;
    public String type;
    /** OPEN or CLOSED. */
    public String status;
}
