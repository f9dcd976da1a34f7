package fi.voimala.platform.persistence;

import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.JDBCException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * Turns what the database says into what the API says, the same way in every service. A service's checks catch
 * the usual case with a clear message; these catch the race between check and write, so that a constraint
 * tripped by a concurrent request is a 409 or 422 problem, never a 500:
 *
 * <ul>
 *   <li>a concurrent update (Hibernate's version check): 409 {@code stale-version};</li>
 *   <li>a constraint the service names in its table ({@code constraint name -> Violation}): 422 with that field
 *       and rule, the same answer the service's pre-check gives;</li>
 *   <li>any other unique (23505) or exclusion (23P01) violation: 409 {@code conflict} with the constraint's name
 *       as rule (the data clashes with another row);</li>
 *   <li>any other check violation (23514): 422 with the constraint's name as rule;</li>
 *   <li>a foreign key (23503) whose referenced row is missing: 422 {@code referenced-exists}; one still referenced
 *       by another row (a delete or key change): 409 {@code still-referenced}.</li>
 * </ul>
 */
public final class StoreErrors {

    static final String UNIQUE = "23505";
    static final String FOREIGN_KEY = "23503";
    static final String CHECK = "23514";
    static final String EXCLUSION = "23P01";
    static final String NOT_NULL = "23502";

    private static final Pattern CONSTRAINT_IN_MESSAGE = Pattern.compile("constraint \"([^\"]+)\"");

    private StoreErrors() {
    }

    /**
     * @param constraints the service's own table: constraint or index name -> the field it guards and the rule its
     *                    pre-check names
     */
    public static Throwable translate(Throwable failure, Map<String, Violation> constraints) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleObjectStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return staleVersion();
            }
            if (t instanceof JDBCException jdbc) {
                Throwable translated = constraint(jdbc, constraints);
                if (translated != null) {
                    return translated;
                }
            }
        }
        return failure;
    }

    private static Throwable constraint(JDBCException failure, Map<String, Violation> constraints) {
        String name = constraintName(failure);
        Violation known = name == null ? null : constraints.get(name);
        if (known != null) {
            return new RuleViolationException(List.of(known));
        }
        String state = sqlState(failure);
        if (state == null) {
            return null;
        }
        String rule = name == null ? "constraint" : name;
        return switch (state) {
            case UNIQUE -> new ConflictException(rule, "this clashes with another entry (" + rule + ")");
            case EXCLUSION -> new ConflictException(rule, "this overlaps with another entry (" + rule + ")");
            case CHECK -> new RuleViolationException(null, rule, "the values break the rule " + rule);
            case NOT_NULL -> new RuleViolationException(null, "not-null", "a required value is missing");
            case FOREIGN_KEY -> message(failure).contains("update or delete on table")
                    || message(failure).contains("still referenced")
                    ? new ConflictException("still-referenced", "other entries still refer to this one (" + rule + ")")
                    : new RuleViolationException(null, "referenced-exists",
                            "something this refers to does not exist (any more) (" + rule + ")");
            default -> null;
        };
    }

    /** Hibernate's reading of the name, else PostgreSQL's message ({@code ... violates exclusion constraint "x"}). */
    private static String constraintName(JDBCException failure) {
        if (failure instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
            return violation.getConstraintName();
        }
        Matcher named = CONSTRAINT_IN_MESSAGE.matcher(message(failure));
        return named.find() ? named.group(1) : null;
    }

    /** The SQLState, from Hibernate's exception or, where it has none, from the kind of constraint it names. */
    private static String sqlState(JDBCException failure) {
        if (failure.getSQLState() != null) {
            return failure.getSQLState();
        }
        if (failure instanceof ConstraintViolationException violation && violation.getKind() != null) {
            ConstraintKind kind = violation.getKind();
            return switch (kind) {
                case UNIQUE -> UNIQUE;
                case FOREIGN_KEY -> FOREIGN_KEY;
                case CHECK -> CHECK;
                case NOT_NULL -> NOT_NULL;
                default -> null;
            };
        }
        return null;
    }

    private static String message(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString().toLowerCase(Locale.ROOT);
    }

    public static ConflictException staleVersion() {
        return new ConflictException("stale-version",
                "someone else changed this in the meantime; read it again and repeat the change");
    }

    /** Optimistic locking as the API shows it: the client sends the version it read. */
    public static void requireVersion(Long sent, long current) {
        if (sent == null) {
            throw new RuleViolationException("version", "not-null", "send the version you read, to update");
        }
        if (sent != current) {
            throw staleVersion();
        }
    }

    public static NotFoundException notFound(String what, UUID id) {
        return new NotFoundException(what + " " + id + " does not exist");
    }
}
