package fi.voimala.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The identities of bearer tokens that an OIDC tenant has verified, each kept until its token expires and never
 * longer. Keyed by tenant id and token: a token that one tenant accepted says nothing about another tenant (another
 * audience, another issuer). Bounded: when {@code maxSize} entries are held, expired ones are dropped (at most once a
 * second); if none has expired, a new token is not kept and is verified on each request until room frees up.
 * Thread-safe; the bound can be passed by as many entries as threads add at the same moment.
 */
final class VerifiedTokenCache {

    private static final long PRUNE_INTERVAL_MILLIS = 1000;
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final int maxSize;
    private final LongSupplier clock;
    private final AtomicLong lastPrune = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** @param clock wall-clock milliseconds, as a token's {@code exp} counts them */
    VerifiedTokenCache(int maxSize, LongSupplier clock) {
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** The key of a token for a tenant. */
    static Key key(String tenantId, String token) {
        MessageDigest sha256 = SHA_256.get();
        sha256.reset();
        return new Key(tenantId, sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** The identity verified for this key, or null if there is none or its token has expired by now. */
    SecurityIdentity get(Key key) {
        Entry entry = entries.get(key);
        if (entry != null && clock.getAsLong() < entry.expiresAtMillis()) {
            hits.increment();
            return entry.identity();
        }
        if (entry != null) {
            entries.remove(key, entry);
        }
        misses.increment();
        return null;
    }

    /** Keeps the identity until {@code expiresAtMillis}; an identity already expired, or with no room, is not kept. */
    void put(Key key, SecurityIdentity identity, long expiresAtMillis) {
        long now = clock.getAsLong();
        if (expiresAtMillis <= now) {
            return;
        }
        if (entries.size() >= maxSize) {
            pruneExpired(now);
            if (entries.size() >= maxSize) {
                return;
            }
        }
        entries.put(key, new Entry(identity, expiresAtMillis));
    }

    private void pruneExpired(long now) {
        long last = lastPrune.get();
        // A full cache of live tokens would otherwise be scanned on every miss.
        if (now - last < PRUNE_INTERVAL_MILLIS || !lastPrune.compareAndSet(last, now)) {
            return;
        }
        entries.values().removeIf(entry -> entry.expiresAtMillis() <= now);
    }

    int size() {
        return entries.size();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    private record Entry(SecurityIdentity identity, long expiresAtMillis) {
    }

    /**
     * Tenant id and the SHA-256 of the token, not the token itself: a map comparing token strings would take
     * longer the more of a cached token a probe got right, while equal prefixes of digests tell nothing.
     */
    static final class Key {
        private final String tenantId;
        private final byte[] digest;
        private final int hash;

        private Key(String tenantId, byte[] digest) {
            this.tenantId = tenantId;
            this.digest = digest;
            this.hash = 31 * tenantId.hashCode() + Arrays.hashCode(digest);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && tenantId.equals(key.tenantId)
                    && MessageDigest.isEqual(digest, key.digest);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
