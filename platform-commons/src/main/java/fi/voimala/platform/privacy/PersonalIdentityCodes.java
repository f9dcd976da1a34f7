package fi.voimala.platform.privacy;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Finnish personal identity codes (henkilötunnus) in free text, so that a service can refuse them: the platform
 * keeps no names or identity codes.
 *
 * <p>A code is {@code DDMMYY}, a century sign, a three-digit individual number and a check character, e.g.
 * {@code 131052-308T}. Century signs (Digital and Population Data Services Agency, DVV; the letters other than A
 * since 2023): {@code +} 1800s; {@code -} and {@code Y X W V U} 1900s; {@code A} and {@code B C D E F} 2000s. The
 * check character is the nine digits {@code DDMMYYNNN} as a number, mod 31, indexed into
 * {@code 0123456789ABCDEFHJKLMNPRSTUVWXY}.
 *
 * <p>Only text with a real calendar date in the sign's century and a matching check character counts, so dates,
 * phone numbers, business IDs and amounts are left alone (a random 11-character string of the right shape passes the
 * check once in 31). Every individual number 000–999 counts: 900–999 are the temporary codes hospitals give, which
 * identify a person just as well. Letters may be lowercase (typed on a tablet); the code must stand apart from
 * letters and digits around it.
 */
public final class PersonalIdentityCodes {

    /** Remainder 0–30 -> check character (G, I, O, Q and Z are not used). */
    static final String CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private static final Pattern SHAPE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(\\d{2})(\\d{2})(\\d{2})([-+A-FU-Y])(\\d{3})([0-9A-Z])(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    private PersonalIdentityCodes() {
    }

    /** The first personal identity code in the text, as written there; empty for none (and for null). */
    public static Optional<String> findIn(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher candidate = SHAPE.matcher(text);
        int from = 0;
        // After a rejected candidate, look again from its next character, not its end: nothing can hide in it.
        while (from < text.length() && candidate.find(from)) {
            if (isCode(candidate)) {
                return Optional.of(candidate.group());
            }
            from = candidate.start() + 1;
        }
        return Optional.empty();
    }

    /** True when the text holds a personal identity code; false for null. */
    public static boolean containsIn(CharSequence text) {
        return findIn(text).isPresent();
    }

    private static boolean isCode(Matcher candidate) {
        int day = Integer.parseInt(candidate.group(1));
        int month = Integer.parseInt(candidate.group(2));
        int year = centuryOf(candidate.group(4).charAt(0)) + Integer.parseInt(candidate.group(3));
        if (month < 1 || month > 12 || day < 1 || !YearMonth.of(year, month).isValidDay(day)) {
            return false;
        }
        int number = Integer.parseInt(candidate.group(1) + candidate.group(2) + candidate.group(3) + candidate.group(5));
        return CHECK_CHARACTERS.charAt(number % 31) == Character.toUpperCase(candidate.group(6).charAt(0));
    }

    private static int centuryOf(char sign) {
        return switch (Character.toUpperCase(sign)) {
            case '+' -> 1800;
            case '-', 'Y', 'X', 'W', 'V', 'U' -> 1900;
            default -> 2000; // A-F: the pattern admits no other sign
        };
    }
}
