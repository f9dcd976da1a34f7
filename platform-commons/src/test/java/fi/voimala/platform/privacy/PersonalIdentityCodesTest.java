package fi.voimala.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that personal identity codes (henkilötunnus) are found in free text, with every century sign, and that dates,
 * phone numbers, business IDs, times and amounts are not. The valid codes are the Digital and Population Data Services
 * Agency's (DVV) published fictitious ones; where none is published (the + sign) the check character is computed by
 * {@link #checkCharacterOf}, written here apart from the code under test.
 */
class PersonalIdentityCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "131052-308T", // DVV's (earlier the Population Register Centre's) example of a henkilötunnus
            "100190-999P", "100190Y999P", // DVV's press release of 11.12.2023: fictitious, differing only in the sign
            // DVV's fictitious test persons for the signs of 2023 (its spreadsheet, as listed at dimarchi.net/test/new-ssn);
            // each also checked by the rule: e.g. 010594903 = 31·341771 + 2 -> '2'
            "010594Y9032", "020594X903P", "030594W903B", "040594V9030", "050594U903M",
            "020504A902E", "010516B903X", "020516C903K", "030516D9037", "010501E9032", "020503F9037",
    })
    void publishedCodesAreFound(String code) {
        assertEquals(Optional.of(code), PersonalIdentityCodes.findIn(code));
        assertEquals(String.valueOf(code.charAt(10)), checkCharacterOf(code.substring(0, 6) + code.substring(7, 10)), code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "-", "Y", "X", "W", "V", "U", "A", "B", "C", "D", "E", "F"})
    void theSameDigitsAreACodeWithEveryCenturySign(String sign) {
        // The sign does not enter the check (DVV), and 13 October is a date in 1852, 1952 and 2052 alike.
        String code = "131052" + sign + "308T";
        assertEquals(Optional.of(code), PersonalIdentityCodes.findIn(code));
    }

    @Test
    void aCodeInsideASentenceIsFoundAsWrittenAlsoInLowercase() {
        assertEquals(Optional.of("131052-308t"), PersonalIdentityCodes.findIn("Osallistuja 131052-308t tuli mukaan."));
        assertEquals(Optional.of("010594y9032"), PersonalIdentityCodes.findIn("hetu:010594y9032, soita"));
        assertEquals(Optional.of("020504a902e"), PersonalIdentityCodes.findIn("(020504a902e)"));
        assertTrue(PersonalIdentityCodes.containsIn("Maija\n131052-308T\n"));
    }

    @Test
    void aCandidateWithAWrongCheckDoesNotHideALaterCode() {
        // 010101-0101: 010101010 mod 31 -> '1', not '0'
        assertEquals(Optional.of("131052-308T"), PersonalIdentityCodes.findIn("010101-0100 ja 131052-308T"));
    }

    @Test
    void everyWrongCheckCharacterIsNotFound() {
        for (char check : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray()) {
            if (check != 'T') {
                assertFalse(PersonalIdentityCodes.containsIn("131052-308" + check), "131052-308" + check);
            }
        }
    }

    @Test
    void theDateMustBeARealDateInTheSignsCentury() {
        // Each with the check character its nine digits give, so that only the date is wrong.
        String feb31 = "310299123";
        assertFalse(PersonalIdentityCodes.containsIn("310299-123" + checkCharacterOf(feb31)));
        assertFalse(PersonalIdentityCodes.containsIn("011399-123" + checkCharacterOf("011399123")), "month 13");
        assertFalse(PersonalIdentityCodes.containsIn("000199-123" + checkCharacterOf("000199123")), "day 0");
        assertFalse(PersonalIdentityCodes.containsIn("290299-123" + checkCharacterOf("290299123")), "29.2.1999");
    }

    @Test
    void the29thOfFebruaryOnlyInALeapYearOfTheSignsCentury() {
        String check96 = checkCharacterOf("290296123");
        assertTrue(PersonalIdentityCodes.containsIn("290296+123" + check96), "29.2.1896: a leap year");
        assertTrue(PersonalIdentityCodes.containsIn("290296-123" + check96), "29.2.1996: a leap year");
        String check00 = checkCharacterOf("290200123");
        assertFalse(PersonalIdentityCodes.containsIn("290200-123" + check00), "29.2.1900: 1900 is not a leap year");
        assertFalse(PersonalIdentityCodes.containsIn("290200Y123" + check00), "29.2.1900: 1900 is not a leap year");
        assertTrue(PersonalIdentityCodes.containsIn("290200A123" + check00), "29.2.2000: 2000 is a leap year");
        assertTrue(PersonalIdentityCodes.containsIn("290200F123" + check00), "29.2.2000: 2000 is a leap year");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "x131052-308T", "131052-308Tx", "1131052-308T", "131052-308T1", "ä131052-308T", "131052-308Tä",
            "131052–308T", // an en dash is no century sign
            "131052 308T", "131052308T", "131052-308", "13105-308T", "131052G308T", "131052Z308T",
    })
    void onlyAWholeCodeApartFromLettersAndDigitsCounts(String text) {
        assertFalse(PersonalIdentityCodes.containsIn(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-24", "24.11.2026", "12.3.1945", "24.11.2026-30.11.2026", "241126",
            "040 1234567", "0401234567", "+358 40 1234567", "+358401234567", "09-310 1691",
            "1234567890", "12345678901", "0112038-9", "FI01120389",
            "13:00-14:30", "klo 13-14.30", "1 234,50 €", "12345,67", "1,000,000.00",
            "huone 4B, 3. krs", "ISBN 978-951-0-12345-6",
    })
    void ordinaryNumbersAndDatesAreNotFound(String text) {
        assertFalse(PersonalIdentityCodes.containsIn(text), text);
    }

    @Test
    void nothingIsFoundInNothing() {
        assertEquals(Optional.empty(), PersonalIdentityCodes.findIn(null));
        assertEquals(Optional.empty(), PersonalIdentityCodes.findIn(""));
        assertFalse(PersonalIdentityCodes.containsIn(null));
    }

    /**
     * The check rule as DVV states it, written apart from the code under test: the nine digits DDMMYYNNN as a number,
     * mod 31 (here digit by digit), indexed into the table of 31 characters. E.g. 131052308 = 31·4227493 + 25 -> 'T'.
     */
    private static String checkCharacterOf(String nineDigits) {
        int remainder = 0;
        for (char digit : nineDigits.toCharArray()) {
            remainder = (remainder * 10 + (digit - '0')) % 31;
        }
        return String.valueOf("0123456789ABCDEFHJKLMNPRSTUVWXY".charAt(remainder));
    }
}
