package fi.voimala.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Proves the rules of the verified-token cache on a clock the test sets: an identity is answered until its token's
 * expiry and never after; a token verified by one tenant is unknown to another; a full cache drops expired tokens
 * for new ones, and keeps no new one while every held token is still valid.
 */
class VerifiedTokenCacheTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);

    private static SecurityIdentity identity(String name) {
        Principal principal = () -> name;
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).build();
    }

    @Test
    void answersUntilTheTokenExpiresAndNeverAfter() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, clock::get);
        SecurityIdentity olli = identity("olli");
        cache.put(VerifiedTokenCache.key("bearer-only", "token-a"), olli, 1_005_000);

        clock.set(1_004_999);
        assertSame(olli, cache.get(VerifiedTokenCache.key("bearer-only", "token-a")));
        clock.set(1_005_000);
        assertNull(cache.get(VerifiedTokenCache.key("bearer-only", "token-a")));
        assertEquals(0, cache.size(), "an expired entry is dropped when met");
        assertEquals(1, cache.hits());
        assertEquals(1, cache.misses());
    }

    @Test
    void anAlreadyExpiredTokenIsNotKept() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, clock::get);
        cache.put(VerifiedTokenCache.key("Default", "token-a"), identity("olli"), clock.get());
        assertEquals(0, cache.size());
    }

    @Test
    void aTokenIsKnownOnlyToTheTenantThatVerifiedItAndOnlyAsItWas() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, clock::get);
        cache.put(VerifiedTokenCache.key("Default", "token-a"), identity("olli"), clock.get() + 60_000);

        assertNull(cache.get(VerifiedTokenCache.key("bearer-only", "token-a")));
        assertNull(cache.get(VerifiedTokenCache.key("Default", "token-a ")));
        assertNull(cache.get(VerifiedTokenCache.key("Default", "token-b")));
        assertEquals("olli", cache.get(VerifiedTokenCache.key("Default", "token-a")).getPrincipal().getName());
    }

    @Test
    void aFullCacheMakesRoomOnlyByDroppingExpiredTokens() {
        VerifiedTokenCache cache = new VerifiedTokenCache(2, clock::get);
        long start = clock.get();
        cache.put(VerifiedTokenCache.key("Default", "a"), identity("a"), start + 5_000);
        cache.put(VerifiedTokenCache.key("Default", "b"), identity("b"), start + 60_000);

        clock.set(start + 1_000);
        cache.put(VerifiedTokenCache.key("Default", "c"), identity("c"), start + 60_000);
        assertNull(cache.get(VerifiedTokenCache.key("Default", "c")), "no room while a and b are valid");
        assertEquals(2, cache.size());

        clock.set(start + 6_000);
        cache.put(VerifiedTokenCache.key("Default", "c"), identity("c"), start + 60_000);
        assertEquals("c", cache.get(VerifiedTokenCache.key("Default", "c")).getPrincipal().getName());
        assertEquals("b", cache.get(VerifiedTokenCache.key("Default", "b")).getPrincipal().getName());
        assertEquals(2, cache.size(), "a, expired, made room");
    }
}
