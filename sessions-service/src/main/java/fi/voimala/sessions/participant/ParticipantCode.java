package fi.voimala.sessions.participant;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The pseudonymous code the service gives an enrolled participant instead of a name: 8 random characters and a
 * check character, written {@code XXX-XXX-XXX}, short enough to type back on a tablet, and with
 * 31^8 ≈ 8.5·10^11 possible codes too many to guess. {@link #value()} is the stored form (9 characters, no hyphens).
 *
 * <p>The alphabet, {@value #ALPHABET}, is the digits 2–9 and the letters without I, O and U, so that no two
 * characters look alike (0/O, 1/I, U/V). A character's value is its index 0–30. The check: the values weighted 1..9 by
 * position, the check character's included, sum to 0 mod 31.
 * A substitution at position i changes the sum by i·(v′−v) and a swap of different neighbours a, b by a−b: as 31 is
 * prime and all these factors are non-zero and smaller than 31, neither is 0 mod 31, so both are always caught.
 */
public record ParticipantCode(String value) {

    /** The 31 characters a code uses, in the order of their values. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTVWXYZ";

    /** The rule ids of {@link Invalid}, for the API's 422. */
    public static final String RULE_LENGTH = "participant-code-length";
    public static final String RULE_CHARACTER = "participant-code-character";
    public static final String RULE_CHECK = "participant-code-check";

    private static final int LENGTH = 9;
    private static final int MODULUS = 31;
    /** 9·7 = 63 = 2·31 + 1: dividing by the check character's weight 9 is multiplying by 7. */
    private static final int INVERSE_OF_NINE = 7;
    private static final RandomGenerator SECURE = new SecureRandom();

    /** Characters people type for one of ours, and why we do not use them. */
    private static final Map<Character, String> LOOK_ALIKES = Map.of(
            'O', "it looks like 0", '0', "it looks like O", 'I', "it looks like 1", '1', "it looks like I",
            'U', "it looks like V");

    /** The stored form only (9 characters of the alphabet, check included): typed input goes through {@link #parse}. */
    public ParticipantCode {
        if (value == null) {
            throw new Invalid(RULE_LENGTH, "a participant code has 9 characters; there is none");
        }
        check(value);
    }

    /** A new code from the service's SecureRandom. */
    public static ParticipantCode generate() {
        return generate(SECURE);
    }

    /** A new code: 8 characters drawn uniformly from the alphabet by {@code random}, then the check character. */
    public static ParticipantCode generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH - 1; i++) {
            code.append(ALPHABET.charAt(random.nextInt(MODULUS)));
        }
        return new ParticipantCode(code.append(checkCharacterFor(code)).toString());
    }

    /**
     * The code a person typed ({@code abc-def-gh3}, {@code ABC DEF GH3}, ...), or {@link Invalid} telling why not: the
     * wrong number of characters, a character codes do not use, or a check character that does not match.
     */
    public static ParticipantCode parse(String typed) {
        return new ParticipantCode(normalise(typed));
    }

    /** Upper case, without spaces and hyphens (any dash a tablet may put in their place); null is "". */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(typed.length());
        typed.toUpperCase(Locale.ROOT).codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.DASH_PUNCTUATION)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** The written form, {@code XXX-XXX-XXX}. */
    @Override
    public String toString() {
        return value.substring(0, 3) + "-" + value.substring(3, 6) + "-" + value.substring(6);
    }

    private static void check(String code) {
        int[] characters = code.codePoints().toArray();
        // A character we never use first: "ABC.DEF.GH3" is better answered by naming the '.' than by counting 11.
        for (int i = 0; i < characters.length; i++) {
            if (ALPHABET.indexOf(characters[i]) < 0) {
                throw new Invalid(RULE_CHARACTER, unusedCharacter(i + 1, characters[i]));
            }
        }
        if (characters.length != LENGTH) {
            throw new Invalid(RULE_LENGTH, "a participant code has 9 characters, written XXX-XXX-XXX; this has " + characters.length);
        }
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            sum += (i + 1) * ALPHABET.indexOf(characters[i]);
        }
        if (sum % MODULUS != 0) {
            throw new Invalid(RULE_CHECK, "the check character does not match: check the code, a character is mistyped");
        }
    }

    private static String unusedCharacter(int position, int character) {
        String why = Character.isBmpCodePoint(character) ? LOOK_ALIKES.get((char) character) : null;
        return "character " + position + ", '" + Character.toString(character) + "', is not used in participant codes"
                + (why != null ? " (" + why + ")" : ": they have the digits 2-9 and the letters A-Z without I, O and U");
    }

    /** The character that makes the weighted sum of the 8 first and itself 0 mod 31. */
    private static char checkCharacterFor(CharSequence first8) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (i + 1) * ALPHABET.indexOf(first8.charAt(i));
        }
        return ALPHABET.charAt(Math.floorMod(-sum * INVERSE_OF_NINE, MODULUS));
    }

    /** Why a typed code is not one: {@link #rule()} is the stable rule id for the API's 422, the message says what to do. */
    public static final class Invalid extends IllegalArgumentException {

        private final String rule;

        Invalid(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }
}
