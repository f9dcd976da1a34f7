package fi.voimala.sessions.record.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.sessions.events.SessionRecordEventData;
import fi.voimala.sessions.participant.Participant;
import fi.voimala.sessions.participant.ParticipantCode;
import fi.voimala.sessions.partner.ProfessionalCopy;
import fi.voimala.sessions.record.ArtForm;
import fi.voimala.sessions.record.SessionRecord;
import fi.voimala.sessions.record.SessionRecordChange;
import fi.voimala.sessions.record.api.SessionRecordApi.Content;
import fi.voimala.sessions.record.api.SessionRecordApi.PresentParticipant;
import fi.voimala.sessions.record.api.SessionRecordApi.PresentStaff;
import fi.voimala.sessions.record.api.SessionRecordApi.SessionRecordChangeView;
import fi.voimala.sessions.record.api.SessionRecordApi.SessionRecordView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A session record as the API shows it, as its events carry it (without observations and reflection), as a
 * correction's history names its fields; and a request's content written onto one.
 */
public final class SessionRecordMapper {

    /** Only plain values (text, numbers, booleans, lists of text) go through it: no configuration needed. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionRecordMapper() {
    }

    public static SessionRecordView toView(SessionRecord r, Collection<Participant> participants,
                                           Collection<ProfessionalCopy> staff) {
        List<PresentParticipant> present = participants.stream()
                .map(p -> new PresentParticipant(p.id, displayCode(p.code)))
                .sorted(Comparator.comparing(PresentParticipant::code)).toList();
        List<PresentStaff> presentStaff = staff.stream()
                .map(s -> new PresentStaff(s.id, s.displayName()))
                .sorted(Comparator.comparing(PresentStaff::name).thenComparing(PresentStaff::id)).toList();
        return new SessionRecordView(r.id, r.version, r.visitId, r.seriesId, r.siteId, r.pairId, r.held,
                r.notHeldReason, r.startedAt, r.endedAt, present, r.extraAttendees, presentStaff, r.otherStaffCount,
                Arrays.stream(r.artForms).map(ArtForm::valueOf).toList(), List.of(r.methods), r.observations,
                r.reflection, r.recordedAt, r.recordedBy, r.correctableUntil, r.updatedAt);
    }

    /** The event data: the record's state after the change, without the pair's observations and reflection. */
    public static SessionRecordEventData toEventData(SessionRecord r, Collection<UUID> participantIds,
                                                     Collection<UUID> staffIds) {
        return new SessionRecordEventData(r.id, r.version, r.visitId, r.seriesId, r.siteId, r.pairId, r.held,
                r.notHeldReason, r.startedAt, r.endedAt, sorted(participantIds), r.extraAttendees, sorted(staffIds),
                r.otherStaffCount, List.of(r.artForms), List.of(r.methods));
    }

    /** The request's own fields onto the record: text trimmed, blank text left empty, art forms in their order. */
    public static void apply(SessionRecord r, Content content) {
        r.held = content.held();
        r.notHeldReason = blankToNull(content.notHeldReason());
        r.startedAt = content.startedAt();
        r.endedAt = content.endedAt();
        r.extraAttendees = content.extraAttendees() == null ? 0 : content.extraAttendees();
        r.otherStaffCount = content.otherStaffCount() == null ? 0 : content.otherStaffCount();
        r.artForms = content.artForms() == null ? new String[0]
                : content.artForms().stream().sorted().map(ArtForm::name).toArray(String[]::new);
        r.methods = content.methods() == null ? new String[0]
                : content.methods().stream().map(String::strip).toArray(String[]::new);
        r.observations = blankToNull(content.observations());
        r.reflection = blankToNull(content.reflection());
    }

    /**
     * What a record says, field by field, as plain JSON values: the basis of a correction's history. Participants
     * and staff as sorted id lists.
     */
    public static Map<String, Object> snapshot(SessionRecord r, Collection<UUID> participantIds,
                                               Collection<UUID> staffIds) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("held", r.held);
        fields.put("notHeldReason", r.notHeldReason);
        fields.put("startedAt", text(r.startedAt));
        fields.put("endedAt", text(r.endedAt));
        fields.put("participants", sorted(participantIds).stream().map(UUID::toString).toList());
        fields.put("extraAttendees", r.extraAttendees);
        fields.put("staff", sorted(staffIds).stream().map(UUID::toString).toList());
        fields.put("otherStaffCount", r.otherStaffCount);
        fields.put("artForms", List.of(r.artForms));
        fields.put("methods", List.of(r.methods));
        fields.put("observations", r.observations);
        fields.put("reflection", r.reflection);
        return fields;
    }

    /** Each field that differs, as {@code {"from": ..., "to": ...}}; empty when nothing changed. */
    public static Map<String, Map<String, Object>> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Map<String, Object>> changed = new LinkedHashMap<>();
        after.forEach((field, to) -> {
            Object from = before.get(field);
            if (!Objects.equals(from, to)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from);
                change.put("to", to);
                changed.put(field, change);
            }
        });
        return changed;
    }

    public static String json(Map<String, ?> changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
    }

    public static SessionRecordChangeView toChangeView(SessionRecordChange c) {
        return new SessionRecordChangeView(c.version, c.changedAt, c.changedBy, c.changedByOrganisation, tree(c.changes));
    }

    /** The participant ids a correction names (before or after), for the audit log of a history read. */
    public static List<UUID> participantsNamed(SessionRecordChange c) {
        JsonNode participants = tree(c.changes).path("participants");
        List<UUID> ids = new ArrayList<>();
        for (String side : List.of("from", "to")) {
            participants.path(side).forEach(id -> ids.add(UUID.fromString(id.asText())));
        }
        return ids;
    }

    /** A stored code (nine characters) as people type and read it: XXX-XXX-XXX. */
    public static String displayCode(String code) {
        return new ParticipantCode(code).toString();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the database keeps changes as jsonb, always readable", e);
        }
    }

    private static List<UUID> sorted(Collection<UUID> ids) {
        return ids.stream().distinct().sorted(Comparator.comparing(UUID::toString)).toList();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
