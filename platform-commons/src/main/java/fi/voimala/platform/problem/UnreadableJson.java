package fi.voimala.platform.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fi.voimala.platform.problem.Problem.Violation;
import jakarta.ws.rs.core.Response.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What was wrong with a JSON body, in the API's terms: the JSON path of the field, what it must be ("a list",
 * "a whole number", "a date (YYYY-MM-DD)") and what was sent ("text"), or where the JSON broke (line and column);
 * never a Java type's name. Rules: {@code json-syntax}, {@code unknown-field}, {@code type} (another JSON type than
 * the field's), {@code format} (the right JSON type, an unreadable value), and {@code known-value} (an unknown
 * enumeration value, a broken rule: 422).
 */
final class UnreadableJson {

    private static final int BAD_REQUEST = Status.BAD_REQUEST.getStatusCode();

    private UnreadableJson() {
    }

    static Problem problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : "; known fields: " + unknown.getKnownPropertyIds()
                    .stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            return unreadable(jsonPath(unknown), "unknown-field", "unknown field '" + unknown.getPropertyName() + "'" + known);
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            String field = jsonPath(invalid);
            String message = "unknown value '" + invalid.getValue() + "'; allowed: " + allowed(invalid.getTargetType());
            return Problem.of(Problem.UNPROCESSABLE, "rule-violation", field + ": " + message,
                    List.of(new Violation(field, "known-value", message)));
        }
        if (e instanceof MismatchedInputException mismatched) {
            String expected = describe(mismatched.getTargetType());
            String sent = sent(mismatched);
            String field = jsonPath(mismatched);
            if (mismatched instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text
                    && "text".equals(kind(mismatched.getTargetType()))) {
                return unreadable(field, "format", "'" + text + "' is not " + expected);
            }
            return unreadable(field, "type", "must be " + expected + (sent == null ? "" : ", not " + sent));
        }
        if (e instanceof JsonMappingException mapping) {
            return unreadable(jsonPath(mapping), "format", "this value cannot be read");
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String message = "the body is not valid JSON" + where + ": " + e.getOriginalMessage();
        return Problem.of(BAD_REQUEST, "unreadable-input", message, List.of(new Violation(null, "json-syntax", message)));
    }

    private static Problem unreadable(String field, String rule, String message) {
        String name = field.isEmpty() ? null : field;
        return Problem.of(BAD_REQUEST, "unreadable-input", (name == null ? "body" : name) + ": " + message,
                List.of(new Violation(name, rule, name == null ? "the body " + message : message)));
    }

    /** "sectors[0]", "address.postalCode": the path as a client wrote it. */
    static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** What a field of this Java type is, as the API's documentation says it. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type.isEnum()) {
            return "one of: " + allowed(type);
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "a date and time (ISO 8601)";
        }
        if (type == UUID.class) {
            return "an id (UUID)";
        }
        return switch (kind(type)) {
            case "whole" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "text" -> "text";
            case "list" -> "a list";
            default -> "an object";
        };
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == Byte.class || type == byte.class || type == BigInteger.class) {
            return "whole";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == LocalDate.class || type == UUID.class
                || type == Instant.class || type == OffsetDateTime.class || type == char.class || type == Character.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "object";
    }

    /** What the client sent instead, as JSON names it. */
    private static String sent(MismatchedInputException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            Object value = invalid.getValue();
            if (value instanceof String) {
                return "text";
            }
            if (value instanceof Boolean) {
                return "true or false";
            }
            if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
                return "a decimal number";
            }
            if (value instanceof Number) {
                return "a whole number";
            }
        }
        String fromMessage = sentPerMessage(e.getOriginalMessage());
        if (fromMessage != null) {
            return fromMessage;
        }
        if (e.getProcessor() instanceof JsonParser parser && parser.currentToken() != null) {
            JsonToken token = parser.currentToken();
            return switch (token) {
                case VALUE_STRING -> "text";
                case VALUE_NUMBER_INT -> "a whole number";
                case VALUE_NUMBER_FLOAT -> "a decimal number";
                case VALUE_TRUE, VALUE_FALSE -> "true or false";
                case VALUE_NULL -> "null";
                case START_ARRAY -> "a list";
                case START_OBJECT -> "an object";
                default -> null;
            };
        }
        return null;
    }

    /**
     * Jackson names the JSON shape it met in its message ("from String value", "Floating-point value (1.7)", "from
     * Array value (token `JsonToken.START_ARRAY`)"); the parser has often moved on by the time the error is seen.
     */
    private static String sentPerMessage(String message) {
        if (message == null) {
            return null;
        }
        if (message.contains("String value") || message.contains("VALUE_STRING")) {
            return "text";
        }
        if (message.contains("Floating-point value") || message.contains("VALUE_NUMBER_FLOAT")) {
            return "a decimal number";
        }
        if (message.contains("Integer value") || message.contains("VALUE_NUMBER_INT")) {
            return "a whole number";
        }
        if (message.contains("Boolean value") || message.contains("VALUE_TRUE") || message.contains("VALUE_FALSE")) {
            return "true or false";
        }
        if (message.contains("Array value") || message.contains("START_ARRAY")) {
            return "a list";
        }
        if (message.contains("Object value") || message.contains("START_OBJECT")) {
            return "an object";
        }
        return null;
    }

    private static String allowed(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }
}
