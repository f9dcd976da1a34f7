package fi.voimala.scheduling.events;

import fi.voimala.scheduling.availability.Availability;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * The data of {@code fi.voimala.scheduling.ward-availability.published.v1} on topic ward-availability: hospital
 * {@code hospitalOrganisationId}'s ward {@code wardCode} can ({@code AVAILABLE}), or cannot ({@code UNAVAILABLE}),
 * host group activity from {@code from} to {@code to}, for {@code reason}. {@code source}: {@code api} or {@code fhir}
 * when it came through scheduling's HTTP door; a hospital's integration engine publishing on the topic itself may name
 * its own. Key and subject: {@code <hospitalOrganisationId>:<WARDCODE>}, so one ward's statements stay in order.
 * The consumer reads the same record (its constraints: what an event must have to be applied at all).
 */
public record WardAvailabilityEventData(
        @NotNull UUID hospitalOrganisationId,
        @NotBlank String wardCode,
        @NotNull Instant from,
        @NotNull Instant to,
        @NotNull Availability state,
        String reason,
        String source) {

    public static final String SOURCE_API = "api";
    public static final String SOURCE_FHIR = "fhir";
}
