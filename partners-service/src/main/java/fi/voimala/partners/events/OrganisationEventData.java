package fi.voimala.partners.events;

import fi.voimala.partners.organisation.Sector;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The data of {@code fi.voimala.partner.organisation.{joined,updated,left}.v1}: the organisation's whole state
 * after the change. The event contract, documented in docs/events.md: independent of the API's view, so that an
 * API change cannot change it (a breaking change here is a new type version).
 */
public record OrganisationEventData(UUID id, long version, String name, String businessId, Set<Sector> sectors,
                                    LocalDate memberSince, LocalDate memberUntil, String leaveReason,
                                    Status status, String keycloakAlias) {

    public enum Status { MEMBER, LEFT }
}
