package fi.voimala.scheduling.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedSecretTest {

    @Test
    void secretsAreUniqueUrlSafeAnd256Bits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = FeedSecret.newSecret();
            assertTrue(seen.add(secret), "unique");
            assertTrue(secret.length() >= 43, secret);
            assertTrue(secret.matches("[A-Za-z0-9_-]+"), "base64url, no padding: " + secret);
            assertEquals(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8), "goes into a URL as it is");
            assertEquals(32, Base64.getUrlDecoder().decode(secret).length, "256 random bits");
        }
    }

    @Test
    void hashIsStableSha256HexAndNotTheSecret() {
        String secret = FeedSecret.newSecret();

        String hash = FeedSecret.hash(secret);

        assertEquals(hash, FeedSecret.hash(secret));
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertNotEquals(secret, hash);
        assertFalse(hash.contains(secret));
        assertNotEquals(hash, FeedSecret.hash(FeedSecret.newSecret()));
        // The SHA-256 test vector of "abc" from FIPS 180-2, appendix B.1.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FeedSecret.hash("abc"));
    }

    @Test
    void matchesOnlyTheSecretOfTheStoredHash() {
        String secret = FeedSecret.newSecret();
        String stored = FeedSecret.hash(secret);

        assertTrue(FeedSecret.matches(secret, stored));
        assertFalse(FeedSecret.matches(FeedSecret.newSecret(), stored));
        assertFalse(FeedSecret.matches(secret, secret));
        assertFalse(FeedSecret.matches(null, stored));
        assertFalse(FeedSecret.matches(secret, null));
    }
}
