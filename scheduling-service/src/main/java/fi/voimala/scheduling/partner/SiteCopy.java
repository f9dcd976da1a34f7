package fi.voimala.scheduling.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** This service's copy of a site from partner-events; a hospital ward has its hospital's ward code. */
@Entity
@Table(name = "site_copy")
public class SiteCopy {

    public static final String HOSPITAL_WARD = "HOSPITAL_WARD";
    public static final String OPEN = "OPEN";

    @Id
    public UUID id;
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
    /** OPEN or CLOSED. */
    public String status;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "close_reason")
    public String closeReason;

    public boolean isWard() {
        return HOSPITAL_WARD.equals(type);
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    /** Name and address, as a calendar entry's location. */
    public String location() {
        StringBuilder text = new StringBuilder(name);
        if (street != null) {
            text.append(", ").append(street);
        }
        if (city != null) {
            text.append(", ").append(postalCode == null ? "" : postalCode + " ").append(city);
        }
        return text.toString();
    }
}
