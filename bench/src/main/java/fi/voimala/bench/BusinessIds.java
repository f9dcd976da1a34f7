package fi.voimala.bench;

/** Finnish business ids (Y-tunnus) for the bench's organisation. */
final class BusinessIds {

    private BusinessIds() {
    }

    /**
     * A valid Y-tunnus that the demo network does not use: 7 digits and a check digit (weights 7, 9, 10, 5, 8, 4, 2;
     * sum mod 11; remainder 0 gives 0, remainder 1 is never issued, else 11 minus the remainder), as partners-service
     * checks it.
     */
    static String benchId() {
        for (int base = 9_876_540; ; base++) {
            String digits = String.format("%07d", base);
            int check = checkDigit(digits);
            if (check >= 0) {
                return digits + "-" + check;
            }
        }
    }

    /** The check digit of seven digits, or -1 when no Y-tunnus has them (remainder 1). */
    static int checkDigit(String digits) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int remainder = sum % 11;
        return remainder == 0 ? 0 : remainder == 1 ? -1 : 11 - remainder;
    }
}
