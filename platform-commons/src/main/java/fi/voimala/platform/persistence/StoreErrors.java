package fi.voimala.platform.persistence;

import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.IntegrityViolations;
import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import jakarta.ws.rs.NotFoundException;
import java.util.Map;
import java.util.UUID;
import org.hibernate.StaleObjectStateException;

/**
 * Turns what the database says into what the API says, the same way in every service. A service's checks catch
 * the usual case with a clear message; these catch the race between check and write, so that a concurrent request
 * is a 409 or 422 problem, never a 500: a concurrent update (Hibernate's version check) is 409
 * {@code stale-version}; a constraint violation is answered by {@link IntegrityViolations} — with the service's
 * own field and rule where its table names the constraint, else by the kind of constraint.
 */
public final class StoreErrors {

    private StoreErrors() {
    }

    /**
     * Use as {@code .onFailure().transform(failure -> StoreErrors.translate(failure, CONSTRAINTS))} on every write.
     *
     * @param constraints the service's own table: constraint or index name -> the field it guards and the rule its
     *                    pre-check names
     */
    public static Throwable translate(Throwable failure, Map<String, Violation> constraints) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleObjectStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return staleVersion();
            }
        }
        return IntegrityViolations.find(failure, constraints).map(Throwable.class::cast).orElse(failure);
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
