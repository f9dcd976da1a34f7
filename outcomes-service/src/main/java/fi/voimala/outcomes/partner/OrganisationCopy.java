package fi.voimala.outcomes.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** This service's copy of a partner organisation (from partner-events): whose token is whose organisation. */
@Entity
@Table(name = "organisation_copy")
public class OrganisationCopy {

    @Id
    public UUID id;
    /** The register's version: a copy is replaced only by a newer one. Not a lock. */
    public long version;
    public String name;
    @Column(name = "keycloak_alias")
    public String keycloakAlias;
    /** MEMBER or LEFT. */
    public String status;
}
