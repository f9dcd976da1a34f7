package fi.voimala.sessions.record.api;

import com.fasterxml.jackson.databind.JsonNode;
import fi.voimala.platform.privacy.NoPersonalIdentityCode;
import fi.voimala.sessions.record.ArtForm;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the session record API reads and writes. Every free-text field refuses a personal identity code
 * ({@code no-personal-identity-code}): records are pseudonymous, names stay at the care unit.
 */
public final class SessionRecordApi {

    /** At most this many people present by code: a group has at most 200 (scheduling's group size). */
    public static final int MAX_PARTICIPANTS = 200;

    private SessionRecordApi() {
    }

    /**
     * What a record says about a session, the same for the first recording and for a correction: held or not (and
     * why), the actual times, who came, the care staff present, what was done and what the pair saw.
     */
    public interface Content {
        Boolean held();

        String notHeldReason();

        Instant startedAt();

        Instant endedAt();

        List<String> participantCodes();

        Integer extraAttendees();

        List<UUID> staffProfessionalIds();

        Integer otherStaffCount();

        Set<ArtForm> artForms();

        List<String> methods();

        String observations();

        String reflection();
    }

    /** The first record of a visit's session. Lists may be empty or left out; counts left out are 0. */
    public record NewSessionRecord(
            @NotNull UUID visitId,
            @NotNull Boolean held,
            @Size(max = 1000) @NoPersonalIdentityCode String notHeldReason,
            Instant startedAt,
            Instant endedAt,
            @Size(max = MAX_PARTICIPANTS) List<@NotBlank String> participantCodes,
            @Min(0) @Max(500) Integer extraAttendees,
            @Size(max = 50) List<@NotNull UUID> staffProfessionalIds,
            @Min(0) @Max(200) Integer otherStaffCount,
            Set<@NotNull ArtForm> artForms,
            @Size(max = 20) List<@NotBlank @Size(max = 200) @NoPersonalIdentityCode String> methods,
            @Size(max = 10000) @NoPersonalIdentityCode String observations,
            @Size(max = 10000) @NoPersonalIdentityCode String reflection) implements Content {
    }

    /** A correction: the whole content again, with the {@code version} read (the visit stays the record's). */
    public record SessionRecordCorrection(
            @NotNull Boolean held,
            @Size(max = 1000) @NoPersonalIdentityCode String notHeldReason,
            Instant startedAt,
            Instant endedAt,
            @Size(max = MAX_PARTICIPANTS) List<@NotBlank String> participantCodes,
            @Min(0) @Max(500) Integer extraAttendees,
            @Size(max = 50) List<@NotNull UUID> staffProfessionalIds,
            @Min(0) @Max(200) Integer otherStaffCount,
            Set<@NotNull ArtForm> artForms,
            @Size(max = 20) List<@NotBlank @Size(max = 200) @NoPersonalIdentityCode String> methods,
            @Size(max = 10000) @NoPersonalIdentityCode String observations,
            @Size(max = 10000) @NoPersonalIdentityCode String reflection,
            Long version) implements Content {
    }

    /** A participant present, by id and by the code the pair knows them by (XXX-XXX-XXX). */
    public record PresentParticipant(UUID id, String code) {
    }

    /** A professional of the register present as care staff. */
    public record PresentStaff(UUID id, String name) {
    }

    public record SessionRecordView(UUID id, long version, UUID visitId, UUID seriesId, UUID siteId, UUID pairId,
                                    boolean held, String notHeldReason, Instant startedAt, Instant endedAt,
                                    List<PresentParticipant> participants, int extraAttendees, List<PresentStaff> staff,
                                    int otherStaffCount, List<ArtForm> artForms, List<String> methods,
                                    String observations, String reflection, Instant recordedAt, String recordedBy,
                                    Instant correctableUntil, Instant updatedAt) {
    }

    /**
     * One correction: the record's version after it, when, by whom (and from which organisation), and each changed
     * field as {@code {"from": ..., "to": ...}} (participants and staff as sorted id lists).
     */
    public record SessionRecordChangeView(long version, Instant changedAt, String changedBy,
                                          String changedByOrganisation, JsonNode changes) {
    }

    /** A professional of the register who may be named as care staff present at a visit. */
    public record StaffCandidate(UUID id, String name, String field) {
    }
}
