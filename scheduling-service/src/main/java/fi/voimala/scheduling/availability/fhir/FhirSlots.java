package fi.voimala.scheduling.availability.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.scheduling.availability.Availability;
import fi.voimala.scheduling.availability.SentStatement;
import fi.voimala.scheduling.availability.WardStatement;
import fi.voimala.scheduling.availability.WardStatement.Fields;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Slot.SlotStatus;

/**
 * Reads ward availability sent as FHIR R4 JSON ({@value #MEDIA_TYPE}): one {@code Slot}, or a {@code Bundle} whose
 * entries are Slots (of any Bundle type: collection, transaction, batch; the entries' {@code request} is not read,
 * each Slot is a statement). Mapping, per http://hl7.org/fhir/R4/slot.html:
 * <ul>
 * <li>ward code: {@code Slot.schedule.identifier.value}. {@code Slot.schedule} points at the Schedule of the ward;
 * the hospital's system knows the ward by its own code, not by an id on our server, so it names that Schedule by a
 * logical reference (Reference.identifier, "logical reference, when literal reference is not known",
 * http://hl7.org/fhir/R4/references.html) whose value is the ward code registered for the site in partners-service. Its {@code system} is not
 * read: whose codes they are follows from who sends them. A literal reference alone ("Schedule/123") cannot be
 * resolved here and counts as missing.</li>
 * <li>from, to: {@code Slot.start}, {@code Slot.end}, FHIR instants, which always carry a time zone.</li>
 * <li>state: {@code free} is AVAILABLE; {@code busy}, {@code busy-tentative} and {@code busy-unavailable} are
 * UNAVAILABLE: in FHIR busy means the time is already booked and busy-tentative that it may be, so the ward is not
 * free to host a group then; a group arriving at a ward whose time is taken is worse than a missed chance. Only an
 * explicit free opens a ward. {@code entered-in-error} states nothing about the ward and is refused (422).</li>
 * <li>reason: {@code Slot.comment}.</li>
 * </ul>
 * Unknown elements are refused (HAPI FHIR's StrictErrorHandler), so that nothing a hospital sends is silently ignored.
 * The first parse in a JVM takes 1-2 s (HAPI loads and scans the R4 model), later ones well under a millisecond:
 * call it on a worker thread, not the event loop.
 */
public final class FhirSlots {

    public static final String MEDIA_TYPE = "application/fhir+json";

    /** Where HAPI's message tells of an unknown element or a value it cannot read (its numbered, stable message codes). */
    private static final String HAPI_UNKNOWN_ELEMENT = "HAPI-1825";
    private static final String HAPI_INVALID_VALUE = "HAPI-1821";
    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+: ");

    /** Syntax is checked by Jackson first, for the line and column HAPI's message lacks, and duplicate keys. */
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private FhirSlots() {
    }

    /** FhirContext.forR4() is costly and thread-safe: one per JVM, made on first use (holder idiom). */
    private static final class R4 {
        static final FhirContext CONTEXT = FhirContext.forR4();
    }

    /**
     * The statements in a FHIR body, in the order sent. Throws UnreadableFhirException (400 unreadable-input) for a
     * body that is not JSON or not FHIR R4, and RuleViolationException (422) listing every broken rule, each named by
     * its path in the body ({@code end}, {@code entry[2].resource.schedule.identifier.value}).
     */
    public static List<WardStatement> parse(String body) {
        return read(body).stream().map(SentStatement::statement).toList();
    }

    /** As {@link #parse}, each statement with the paths of its fields in the body. */
    public static List<SentStatement> read(String body) {
        String resourceType = resourceTypeOf(body);
        if (!"Slot".equals(resourceType) && !"Bundle".equals(resourceType)) {
            throw new RuleViolationException("resourceType", "resource-type",
                    "must be Slot or a Bundle of Slots, not " + resourceType);
        }
        IBaseResource resource = readFhir(body);
        List<Violation> violations = new ArrayList<>();
        List<SentStatement> statements = new ArrayList<>();
        if (resource instanceof Slot slot) {
            statements.add(new SentStatement(statement(slot, Fields.FHIR, violations), Fields.FHIR));
        } else {
            List<BundleEntryComponent> entries = ((Bundle) resource).getEntry();
            if (entries.isEmpty()) {
                throw new RuleViolationException("entry", "not-empty", "the Bundle must hold at least one Slot");
            }
            if (entries.size() > WardStatement.STATEMENTS_MAX) {
                throw new RuleViolationException("entry", "size", "at most " + WardStatement.STATEMENTS_MAX
                        + " Slots in one Bundle, not " + entries.size());
            }
            for (int i = 0; i < entries.size(); i++) {
                String path = "entry[" + i + "].resource";
                Resource entry = entries.get(i).getResource();
                if (entry == null) {
                    violations.add(new Violation(path, "not-null", "each entry must hold a Slot"));
                } else if (entry instanceof Slot slot) {
                    Fields fields = Fields.FHIR.under(path);
                    statements.add(new SentStatement(statement(slot, fields, violations), fields));
                } else {
                    violations.add(new Violation(path + ".resourceType", "resource-type",
                            "must be Slot, not " + entry.fhirType()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return List.copyOf(statements);
    }

    /** The statement of one Slot, its broken rules added to {@code violations}. */
    private static WardStatement statement(Slot slot, Fields fields, List<Violation> violations) {
        String wardCode = slot.getSchedule().getIdentifier().getValue();
        Instant from = instant(slot.getStartElement(), fields.path(fields.from()));
        Instant to = instant(slot.getEndElement(), fields.path(fields.to()));
        SlotStatus status = slot.getStatus();
        Availability state = availability(status);
        String reason = slot.getComment();
        String statusPath = fields.path(fields.state());
        for (Violation violation : WardStatement.violations(wardCode, from, to, state, reason, fields)) {
            if (status == SlotStatus.ENTEREDINERROR && statusPath.equals(violation.field())) {
                violations.add(new Violation(statusPath, "entered-in-error",
                        "a Slot entered in error says nothing of the ward; leave it out, or send the corrected Slot"));
            } else if (status == null && statusPath.equals(violation.field())) {
                violations.add(new Violation(statusPath, "not-null",
                        "required: free, busy, busy-tentative or busy-unavailable"));
            } else {
                violations.add(violation);
            }
        }
        return new WardStatement(wardCode, from, to, state, reason);
    }

    private static Availability availability(SlotStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case FREE -> Availability.AVAILABLE;
            case BUSY, BUSYTENTATIVE, BUSYUNAVAILABLE -> Availability.UNAVAILABLE;
            case ENTEREDINERROR, NULL -> null;
        };
    }

    /**
     * The instant as sent. HAPI accepts a date, or a time without a zone, and reads it in the JVM's zone; FHIR's
     * instant has a zone, and guessing one would move the window, so those are unreadable.
     */
    private static Instant instant(InstantType element, String path) {
        String text = element.getValueAsString();
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableFhirException(path, "format",
                    "must be an instant with a time zone, e.g. 2027-03-01T08:00:00+02:00, not '" + text + "'");
        }
    }

    /**
     * Makes HAPI load the R4 model now (1-2 s), so that the first hospital's request does not wait for it. Thread-safe;
     * call it off the event loop.
     */
    public static void warmUp() {
        parse("""
                {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Slot",
                 "schedule": {"identifier": {"value": "WARM-UP"}}, "status": "free",
                 "start": "2027-01-01T10:00:00+02:00", "end": "2027-01-01T11:00:00+02:00"}}]}""");
    }

    private static IBaseResource readFhir(String body) {
        IParser parser = R4.CONTEXT.newJsonParser(); // parsers are cheap and not thread-safe: one per body
        parser.setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(body);
        } catch (DataFormatException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            String rule = message.startsWith(HAPI_UNKNOWN_ELEMENT) ? "unknown-field"
                    : message.startsWith(HAPI_INVALID_VALUE) ? "format" : "not-fhir";
            throw new UnreadableFhirException(null, rule, "the body is not FHIR R4: " + HAPI_CODE.matcher(message).replaceAll(""));
        }
    }

    /**
     * The top-level resourceType, after checking that the body is one JSON object; so that another resource is named
     * at once, without HAPI reading it.
     */
    private static String resourceTypeOf(String body) {
        if (body == null || body.isBlank()) {
            throw new UnreadableFhirException(null, "body-required",
                    "the request needs a FHIR JSON body: a Slot or a Bundle of Slots");
        }
        String resourceType = null;
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableFhirException(null, "not-fhir",
                        "the body must be a FHIR resource, a JSON object with a resourceType");
            }
            int depth = 1;
            boolean typeNext = false;
            for (JsonToken token = json.nextToken(); depth > 0; token = json.nextToken()) {
                if (token == null) { // Jackson throws first; this only guards the loop
                    throw new UnreadableFhirException(null, "json-syntax", "the body ends before its JSON object does");
                }
                if (typeNext && token == JsonToken.VALUE_STRING) {
                    resourceType = json.getText();
                }
                typeNext = token == JsonToken.FIELD_NAME && depth == 1 && "resourceType".equals(json.currentName());
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
            if (json.nextToken() != null) {
                throw new UnreadableFhirException(null, "json-syntax", "the body holds more than one JSON value; "
                        + "send one Slot, or one Bundle of Slots");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new UnreadableFhirException(null, "json-syntax",
                    "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        if (resourceType == null) {
            throw new UnreadableFhirException("resourceType", "not-fhir",
                    "a FHIR resource names its resourceType (here Slot or Bundle) as text");
        }
        return resourceType;
    }
}
