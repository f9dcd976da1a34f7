package fi.voimala.partners.organisation;

import java.util.regex.Pattern;

/**
 * The Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit. The check digit is computed
 * with the weights 7, 9, 10, 5, 8, 4, 2: remainder 0 gives 0, remainder 1 is never issued, otherwise 11 minus
 * the remainder (the rule the Finnish Tax Administration and the trade register (YTJ) use).
 */
public final class BusinessId {

    private static final Pattern FORMAT = Pattern.compile("\\d{7}-\\d");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2};

    private BusinessId() {
    }

    public static boolean hasFormat(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** True when the format is right and the check digit matches the seven digits. */
    public static boolean isValid(String value) {
        if (!hasFormat(value)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        int remainder = sum % 11;
        if (remainder == 1) {
            return false;
        }
        int check = remainder == 0 ? 0 : 11 - remainder;
        return value.charAt(8) - '0' == check;
    }
}
