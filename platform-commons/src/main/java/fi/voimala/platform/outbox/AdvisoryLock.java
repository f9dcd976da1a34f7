package fi.voimala.platform.outbox;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The PostgreSQL advisory lock that keeps a job to one instance at a time (the relay, the pruner): taken for the
 * current transaction and released with it, so a crashed instance never leaves it held.
 */
final class AdvisoryLock {

    private AdvisoryLock() {
    }

    /** True if this transaction now holds the lock {@code key}; false at once if another transaction holds it. */
    static Uni<Boolean> tryForTransaction(Mutiny.StatelessSession session, long key) {
        return session.createNativeQuery("select pg_try_advisory_xact_lock(:key)", Boolean.class)
                .setParameter("key", key).getSingleResult();
    }
}
