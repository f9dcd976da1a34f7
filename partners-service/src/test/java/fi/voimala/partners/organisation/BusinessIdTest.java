package fi.voimala.partners.organisation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the Y-tunnus rule (plain JUnit): the format, and the check digit with weights 7, 9, 10, 5, 8, 4, 2 (remainder
 * 0 gives 0, remainder 1 is never issued, otherwise 11 minus the remainder). The valid IDs are public companies'
 * business IDs as the Finnish trade register (YTJ, ytj.fi) shows them; the check sums are worked out in the comments,
 * so that the expectations do not come from the code under test.
 */
class BusinessIdTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "0112038-9", // Nokia Oyj: 0·7+1·9+1·10+2·5+0·8+3·4+8·2 = 57; 57 mod 11 = 2; 11-2 = 9
            "1927400-1", // Kone Oyj: 7+81+20+35+32+0+0 = 175; 175 mod 11 = 10; 11-10 = 1
            "1463611-4", // Fortum Oyj: 7+36+60+15+48+4+2 = 172; 172 mod 11 = 7; 11-7 = 4
            "0108023-3", // Finnair Oyj: 0+9+0+40+0+8+6 = 63; 63 mod 11 = 8; 11-8 = 3
    })
    void publicCompaniesIdsAreValid(String id) {
        assertTrue(BusinessId.hasFormat(id));
        assertTrue(BusinessId.isValid(id), id);
    }

    @Test
    void remainderZeroGivesCheckDigitZero() {
        // Made up: 1·7+1·9+0+0+0+0+3·2 = 22; 22 mod 11 = 0, so the check digit is 0.
        assertTrue(BusinessId.isValid("1100003-0"));
        assertFalse(BusinessId.isValid("1100003-1"));
    }

    @Test
    void remainderOneIsNeverIssued() {
        // Made up: 3·4 = 12; 12 mod 11 = 1: no check digit makes these seven digits valid.
        for (int check = 0; check <= 9; check++) {
            assertFalse(BusinessId.isValid("0000030-" + check), "0000030-" + check);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0112038-8", "0112038-0", "1927400-2", "0112039-9"})
    void aWrongCheckDigitOrATypoIsInvalid(String id) {
        assertTrue(BusinessId.hasFormat(id));
        assertFalse(BusinessId.isValid(id), id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01120389", "112038-9", "0112038-", "0112038-99", "0112038 9", " 0112038-9", "011203a-9",
            "FI01120389", ""})
    void anythingButSevenDigitsHyphenDigitHasTheWrongFormat(String id) {
        assertFalse(BusinessId.hasFormat(id), id);
        assertFalse(BusinessId.isValid(id), id);
    }

    @Test
    void noValueIsNotABusinessId() {
        assertFalse(BusinessId.hasFormat(null));
        assertFalse(BusinessId.isValid(null));
    }
}
