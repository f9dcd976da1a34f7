package fi.voimala.scheduling.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a professional's feed address ({@code /feeds/<secret>.ics}). Calendar apps cannot log in, so the
 * address itself is the credential: 256 random bits, which nobody can guess. The database keeps only the secret's
 * SHA-256, so a leaked database or backup does not reveal anyone's feed address; a plain hash is enough because the
 * secret is random and long, not a password a person chose.
 */
public final class FeedSecret {

    /** 32 bytes = 256 bits. */
    public static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private FeedSecret() {
    }

    /** A new secret: 43 characters of base64url without padding (A-Z a-z 0-9 - _), safe in a URL path as it is. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    /** What the database stores and looks the feed up by: SHA-256 of the secret, 64 lowercase hex characters. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Whether a presented secret belongs to a stored hash; compares in constant time, so timing reveals nothing. */
    public static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
