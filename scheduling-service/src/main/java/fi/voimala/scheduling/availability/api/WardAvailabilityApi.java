package fi.voimala.scheduling.availability.api;

import fi.voimala.scheduling.availability.Availability;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the ward availability API reads and writes (the JSON door; FHIR Slots come in through FhirSlots). The annotations
 * document the API; WardStatement.validated checks the same rules and more, all violations of a request together.
 */
public final class WardAvailabilityApi {

    private WardAvailabilityApi() {
    }

    /** One hospital's statement: its ward {@code wardCode} can, or cannot, host group activity from {@code from} to {@code to}. */
    public record WardStatementRequest(
            @NotBlank @Size(max = 30) String wardCode,
            @NotNull OffsetDateTime from,
            @NotNull OffsetDateTime to,
            @NotNull Availability state,
            @Size(max = 500) String reason) {
    }

    /** Several statements in one request: all are accepted, or none. */
    public record WardStatementsRequest(@NotEmpty @Size(max = 500) List<@Valid WardStatementRequest> statements) {
    }

    /** The 202 answer: the ids of the events the statements became, and how many statements were read. */
    public record AcceptedView(List<UUID> eventIds, int statements) {
    }

    /**
     * A statement as scheduling applied it (from topic ward-availability): {@code id} is the event's id,
     * {@code siteId} the ward's site in the register, {@code receivedAt} when scheduling applied it.
     */
    public record WardStatementView(UUID id, UUID siteId, UUID hospitalOrganisationId, String wardCode, Instant from,
                                    Instant to, Availability state, String reason, Instant receivedAt) {
    }

    /** One window of time in which a ward is open for group activity. */
    public record WindowView(Instant from, Instant to) {
    }

    /**
     * A ward's open windows that overlap the dates asked ({@code from}, {@code to}: dates in Helsinki, inclusive),
     * each whole, in time order: the sum of what the hospital published as available, less what it closed since.
     */
    public record OpenWindowsView(UUID siteId, LocalDate from, LocalDate to, List<WindowView> windows) {
    }
}
