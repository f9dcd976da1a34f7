package fi.voimala.partners.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The data of {@code fi.voimala.partner.pair.{formed,dissolved}.v1}: the pair's whole state after the change, as
 * documented in docs/events.md; independent of the API's view.
 */
public record PairEventData(UUID id, long version, UUID artsProfessionalId, UUID careProfessionalId, LocalDate formedOn,
                            LocalDate dissolvedOn, String dissolveReason, Status status) {

    public enum Status { ACTIVE, DISSOLVED }
}
