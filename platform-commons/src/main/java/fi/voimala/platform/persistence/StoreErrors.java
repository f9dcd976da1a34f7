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
        if (isTransient(failure)) {
            return new ConflictException("concurrent-change",
                    "another change to the same data ran at the same moment; repeat the request");
        }
        return IntegrityViolations.find(failure, constraints).map(Throwable.class::cast).orElse(failure);
    }

    /** PostgreSQL's deadlock and serialization failure: the transaction was aborted, and running it again may pass. */
    static final String DEADLOCK = "40P01";
    static final String SERIALIZATION_FAILURE = "40001";

    /**
     * Whether the whole transaction may simply be run again: PostgreSQL aborted it for a deadlock or a serialization
     * failure, e.g. when two transactions insert rows that each must wait for the other's exclusion constraint check.
     * Retry outside the transaction: {@code Panache.withTransaction(...).onFailure(StoreErrors::isTransient).retry()
     * .atMost(TRANSIENT_RETRIES)}; the run that follows sees the other's committed rows and answers as usual.
     */
    public static boolean isTransient(Throwable failure) {
        String state = IntegrityViolations.sqlState(failure);
        return DEADLOCK.equals(state) || SERIALIZATION_FAILURE.equals(state);
    }

    /** How often a transaction aborted for a transient reason is run again before its failure is answered. */
    public static final int TRANSIENT_RETRIES = 3;

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
