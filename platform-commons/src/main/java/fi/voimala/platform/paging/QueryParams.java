package fi.voimala.platform.paging;

import fi.voimala.platform.problem.RuleViolationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads list filters from query strings. JAX-RS would answer 404 for a query parameter it cannot convert;
 * a client deserves 422 naming the parameter and the values it may use.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new RuleViolationException(name, "known-value", "unknown value '" + value + "'; allowed: " + allowed);
        }
    }

    /** {@code true} or {@code false}; anything else is named, not silently read as false. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new RuleViolationException(name, "format", "'" + value + "' is not true or false");
        };
    }

    public static UUID id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException(name, "format", "'" + value + "' is not an id (UUID)");
        }
    }

    /** A date {@code YYYY-MM-DD}. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolationException(name, "format", "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
