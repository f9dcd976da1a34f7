package fi.voimala.platform.problem;

import fi.voimala.platform.problem.Problem.Violation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database integrity constraint violation (SQLState class 23), wherever in a failure's causes it is, as the API
 * answers it: a constraint the service names in its table with that field and rule (422); otherwise by kind —
 * unique (23505) and exclusion (23P01) 409 naming the constraint; check (23514) and not-null (23502) 422; a foreign
 * key (23503) 422 {@code referenced-exists} when the referenced row is missing, 409 {@code still-referenced} when
 * other rows still refer to the one changed or removed.
 *
 * <p>Reads the SQLState and constraint by their accessors' names (Hibernate's {@code getSQLState}/{@code
 * getConstraintName}, the reactive PostgreSQL client's {@code getSqlState}/{@code getConstraint}), so that it needs
 * neither on the class path: the gateway has no database.
 */
public final class IntegrityViolations {

    static final String UNIQUE = "23505";
    static final String FOREIGN_KEY = "23503";
    static final String CHECK = "23514";
    static final String EXCLUSION = "23P01";
    static final String NOT_NULL = "23502";

    private static final Pattern CONSTRAINT_IN_MESSAGE = Pattern.compile("constraint \"([^\"]+)\"");

    private IntegrityViolations() {
    }

    /**
     * @param constraints the service's own table: constraint or index name -> the field it guards and the rule its
     *                    pre-check names (empty where none is known)
     */
    public static Optional<RuntimeException> find(Throwable failure, Map<String, Violation> constraints) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String state = text(t, "getSQLState", "getSqlState");
            if (state != null && state.startsWith("23")) {
                String name = text(t, "getConstraintName", "getConstraint");
                if (name == null) {
                    Matcher named = CONSTRAINT_IN_MESSAGE.matcher(String.valueOf(t.getMessage()));
                    name = named.find() ? named.group(1) : null;
                }
                return Optional.ofNullable(answer(state, name, messages(failure), constraints));
            }
        }
        return Optional.empty();
    }

    /** The first SQLState among a failure's causes (from JDBC or the reactive client), or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String state = text(t, "getSQLState", "getSqlState");
            if (state != null) {
                return state;
            }
        }
        return null;
    }

    private static RuntimeException answer(String state, String name, String messages, Map<String, Violation> constraints) {
        Violation known = name == null ? null : constraints.get(name);
        if (known != null) {
            return new RuleViolationException(List.of(known));
        }
        String rule = name == null ? "constraint" : name;
        return switch (state) {
            case UNIQUE -> new ConflictException(rule, "this clashes with another entry (" + rule + ")");
            case EXCLUSION -> new ConflictException(rule, "this overlaps with another entry (" + rule + ")");
            case CHECK -> new RuleViolationException(null, rule, "the values break the rule " + rule);
            case NOT_NULL -> new RuleViolationException(null, "not-null", "a required value is missing");
            case FOREIGN_KEY -> messages.contains("update or delete on table") || messages.contains("still referenced")
                    ? new ConflictException("still-referenced", "other entries still refer to this one (" + rule + ")")
                    : new RuleViolationException(null, "referenced-exists",
                            "something this refers to does not exist (any more) (" + rule + ")");
            default -> new ConflictException(rule, "this conflicts with the stored data (" + rule + ")");
        };
    }

    private static String text(Throwable t, String... accessors) {
        for (String accessor : accessors) {
            try {
                Method method = t.getClass().getMethod(accessor);
                if (method.getReturnType() == String.class && method.getParameterCount() == 0) {
                    Object value = method.invoke(t);
                    if (value != null) {
                        return (String) value;
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // this kind of exception has no such accessor
            }
        }
        return null;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }
}
