package fi.voimala.platform.paging;

import fi.voimala.platform.problem.RuleViolationException;
import io.quarkus.panache.common.Sort;
import java.util.Map;

/**
 * Paging and sorting as a client asks for them: {@code page} from 0, {@code size} 1–100 (default 20), and
 * {@code sort} as a field name, {@code -} in front for descending. Only the fields a list offers may be used.
 */
public record PageRequest(int page, int size, String sortField, boolean descending) {

    public static final int MAX_SIZE = 100;

    /**
     * @param sortable the public sort names of a list and the entity property each one sorts by
     */
    public static PageRequest of(String page, String size, String sort, Map<String, String> sortable, String defaultSort) {
        int p = number("page", page, 0);
        int s = number("size", size, 20);
        if (p < 0) {
            throw new RuleViolationException("page", "min", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new RuleViolationException("size", "range", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            throw new RuleViolationException("page", "range", "page × size must stay below " + Integer.MAX_VALUE);
        }
        String requested = sort == null || sort.isBlank() ? defaultSort : sort.strip();
        boolean descending = requested.startsWith("-");
        String name = descending ? requested.substring(1) : requested;
        String property = sortable.get(name);
        if (property == null) {
            throw new RuleViolationException("sort", "known-value",
                    "unknown sort '" + name + "'; allowed: " + String.join(", ", sortable.keySet().stream().sorted().toList()));
        }
        return new PageRequest(p, s, property, descending);
    }

    private static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolationException(name, "format", "'" + value + "' is not a whole number");
        }
    }

    /** Sorted by the asked field, then by id so that pages never overlap. */
    public Sort toSort() {
        Sort sort = Sort.by(sortField, descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
        return sortField.equals("id") ? sort : sort.and("id");
    }
}
