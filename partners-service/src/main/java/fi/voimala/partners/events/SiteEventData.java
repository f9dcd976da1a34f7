package fi.voimala.partners.events;

import fi.voimala.partners.site.SiteType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The data of {@code fi.voimala.partner.site.{registered,updated,closed}.v1}: the site's whole state after the
 * change, as documented in docs/events.md; independent of the API's view.
 */
public record SiteEventData(UUID id, long version, UUID organisationId, String name, SiteType type, String street,
                            String postalCode, String city, String hospitalName, String wardCode, LocalDate closedOn,
                            String closeReason, Status status) {

    public enum Status { OPEN, CLOSED }
}
