package fi.voimala.sessions.participant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.sessions.participant.ParticipantCode.Invalid;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the participant code (plain JUnit): its alphabet, its check (exhaustively: every single substitution and every
 * swap of neighbours in many codes is refused), how typed codes are read, and that generated codes do not collide.
 */
class ParticipantCodeTest {

    /** Seeded, so that a failure can be repeated. */
    private static List<ParticipantCode> someCodes() {
        SplittableRandom random = new SplittableRandom(20261125);
        return IntStream.range(0, 200).mapToObj(i -> ParticipantCode.generate(random)).toList();
    }

    @Test
    void theAlphabetHas31DistinctCharactersWithoutLookAlikes() {
        String alphabet = ParticipantCode.ALPHABET;
        assertEquals(31, alphabet.length());
        assertEquals(31, alphabet.chars().distinct().count());
        for (char lookAlike : "01IOU".toCharArray()) {
            assertEquals(-1, alphabet.indexOf(lookAlike), "uses " + lookAlike);
        }
        assertEquals("23456789ABCDEFGHJKLMNPQRSTVWXYZ", alphabet);
        assertTrue(BigInteger.valueOf(alphabet.length()).isProbablePrime(50), "the check needs a prime modulus");
    }

    @Test
    void aCodeWorkedOutByHand() {
        // A..H have the values 8..15: 1·8 + 2·9 + 3·10 + 4·11 + 5·12 + 6·13 + 7·14 + 8·15 = 456 = 31·14 + 22.
        // The check character's value c must make 22 + 9c ≡ 0 (mod 31): c = 1, '3' (22 + 9 = 31).
        ParticipantCode code = ParticipantCode.parse("ABC-DEF-GH3");
        assertEquals("ABCDEFGH3", code.value());
        assertEquals("ABC-DEF-GH3", code.toString());
        assertEquals(ParticipantCode.RULE_CHECK, refusal("ABC-DEF-GH2").rule());
        // All '2' (value 0) sum to 0: a valid code like any other.
        assertEquals("222-222-222", ParticipantCode.parse("222222222").toString());
    }

    @Test
    void generatedCodesAreValidAndWrittenXxxDashXxxDashXxx() {
        for (ParticipantCode code : someCodes()) {
            assertTrue(code.toString().matches("[" + ParticipantCode.ALPHABET + "]{3}(-[" + ParticipantCode.ALPHABET + "]{3}){2}"), code.toString());
            assertEquals(code.toString().replace("-", ""), code.value());
            assertEquals(0, weightedSum(code.value()) % 31, code.toString());
            assertEquals(code, ParticipantCode.parse(code.toString()));
            assertEquals(code, ParticipantCode.parse(code.value()));
            assertEquals(code, new ParticipantCode(code.value()));
        }
        for (int i = 0; i < 20; i++) {
            ParticipantCode fromTheServicesRandom = ParticipantCode.generate();
            assertEquals(fromTheServicesRandom, ParticipantCode.parse(fromTheServicesRandom.toString()));
        }
    }

    @Test
    void everySubstitutionOfOneCharacterIsRefused() {
        int refused = 0;
        for (ParticipantCode code : someCodes()) {
            for (int position = 0; position < 9; position++) {
                for (char other : ParticipantCode.ALPHABET.toCharArray()) {
                    if (other != code.value().charAt(position)) {
                        String typo = replace(code.value(), position, other);
                        assertEquals(ParticipantCode.RULE_CHECK, refusal(typo).rule(), code + " -> " + typo);
                        refused++;
                    }
                }
            }
        }
        assertEquals(200 * 9 * 30, refused);
    }

    @Test
    void everySwapOfTwoDifferentNeighboursIsRefused() {
        int refused = 0;
        for (ParticipantCode code : someCodes()) {
            for (int position = 0; position < 8; position++) {
                String swapped = swap(code.value(), position, position + 1);
                if (!swapped.equals(code.value())) {
                    assertEquals(ParticipantCode.RULE_CHECK, refusal(swapped).rule(), code + " -> " + swapped);
                    refused++;
                }
            }
        }
        assertTrue(refused > 200 * 8 * 9 / 10, "most neighbours differ: " + refused);
    }

    @Test
    void aSwapAcrossAHyphenOfTheWrittenFormIsRefused() {
        for (ParticipantCode code : someCodes()) {
            String written = code.toString(); // XXX-XXX-XXX: characters 2|4 and 6|8 are neighbours across a hyphen
            for (int before : new int[] {2, 6}) {
                String swapped = swap(written, before, before + 2);
                if (!swapped.equals(written)) {
                    assertEquals(ParticipantCode.RULE_CHECK, refusal(swapped).rule(), written + " -> " + swapped);
                }
            }
        }
    }

    @Test
    void evenASwapOfTwoDifferentCharactersFarApartIsRefused() {
        // The change is (j − i)·(a − b), with both factors non-zero and smaller than 31.
        for (ParticipantCode code : someCodes()) {
            for (int i = 0; i < 9; i++) {
                for (int j = i + 2; j < 9; j++) {
                    String swapped = swap(code.value(), i, j);
                    if (!swapped.equals(code.value())) {
                        assertEquals(ParticipantCode.RULE_CHECK, refusal(swapped).rule(), code + " -> " + swapped);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc-def-gh3", "abc def gh3", " ABC DEF GH3 ", "abcdefgh3", "AbC-dEf-Gh3", "ab-cdefg-h3",
            "abc–def–gh3", "abc\u00a0def\u00a0gh3", "abc - def - gh3", "\tabc\ndef gh3"})
    void aTypedCodeIsReadInAnyCaseWithSpacesAndHyphens(String typed) {
        assertEquals("ABCDEFGH3", ParticipantCode.normalise(typed));
        assertEquals(new ParticipantCode("ABCDEFGH3"), ParticipantCode.parse(typed));
    }

    @Test
    void theWrongNumberOfCharactersIsSaid() {
        Invalid tooShort = refusal("ABC-DEF-GH");
        assertEquals(ParticipantCode.RULE_LENGTH, tooShort.rule());
        assertEquals("a participant code has 9 characters, written XXX-XXX-XXX; this has 8", tooShort.getMessage());
        assertEquals(ParticipantCode.RULE_LENGTH, refusal("ABC-DEF-GH3-2").rule());
        assertEquals(ParticipantCode.RULE_LENGTH, refusal("").rule());
        assertEquals(ParticipantCode.RULE_LENGTH, refusal(" - ").rule());
        assertEquals(ParticipantCode.RULE_LENGTH, refusal(null).rule());
        assertEquals("", ParticipantCode.normalise(null));
    }

    @Test
    void aCharacterCodesDoNotUseIsNamedWithWhy() {
        assertEquals("character 5, 'O', is not used in participant codes (it looks like 0)", refusal("ABC-DOF-GH3").getMessage());
        assertEquals("character 5, 'O', is not used in participant codes (it looks like 0)", refusal("abc-dof-gh3").getMessage());
        assertEquals("character 1, '0', is not used in participant codes (it looks like O)", refusal("0BC-DEF-GH3").getMessage());
        assertEquals("character 9, 'I', is not used in participant codes (it looks like 1)", refusal("ABC-DEF-GHi").getMessage());
        assertEquals("character 2, '1', is not used in participant codes (it looks like I)", refusal("A1C-DEF-GH3").getMessage());
        assertEquals("character 3, 'U', is not used in participant codes (it looks like V)", refusal("ABU-DEF-GH3").getMessage());
        assertEquals("character 4, 'Ä', is not used in participant codes: they have the digits 2-9 and the letters A-Z without I, O and U",
                refusal("ABC-ÄEF-GH3").getMessage());
        assertEquals("character 4, '.', is not used in participant codes: they have the digits 2-9 and the letters A-Z without I, O and U",
                refusal("ABC.DEF.GH3").getMessage(), "a dot is not a hyphen, and is named rather than counted");
        assertEquals(ParticipantCode.RULE_CHARACTER, refusal("ABC-DEF-GH\uD83D\uDE00").rule(), "an emoji is one character");
    }

    @Test
    void aMistypedCharacterIsSaidPlainly() {
        assertEquals("the check character does not match: check the code, a character is mistyped",
                refusal("ABC-DEF-GH4").getMessage());
    }

    @Test
    void theStoredFormIsCanonicalOnly() {
        assertEquals("ABCDEFGH3", new ParticipantCode("ABCDEFGH3").value());
        assertEquals(ParticipantCode.RULE_CHARACTER, assertThrows(Invalid.class, () -> new ParticipantCode("abcdefgh3")).rule());
        assertEquals(ParticipantCode.RULE_CHARACTER, assertThrows(Invalid.class, () -> new ParticipantCode("ABC-DEF-GH3")).rule());
        assertEquals(ParticipantCode.RULE_LENGTH, assertThrows(Invalid.class, () -> new ParticipantCode("ABCDEFGH")).rule());
        assertEquals(ParticipantCode.RULE_LENGTH, assertThrows(Invalid.class, () -> new ParticipantCode(null)).rule());
    }

    @Test
    void aHundredThousandCodesAreDistinct() {
        // 31^8 = 852 891 037 441 codes (the check character adds none). Among n = 100 000 the chance of any two
        // being equal is about n²/(2·31^8) = 10^10 / 1.7·10^12 ≈ 0.6 %; with the seeded random the outcome is fixed.
        SplittableRandom random = new SplittableRandom(9);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(ParticipantCode.generate(random).value()), "a collision after " + i);
        }
        // Every character turns up in every random position: the draw covers the whole alphabet.
        for (int position = 0; position < 8; position++) {
            int p = position;
            Set<Character> used = seen.stream().map(code -> code.charAt(p)).collect(Collectors.toSet());
            assertEquals(31, used.size(), "position " + (position + 1));
        }
    }

    @Test
    void aCodeIsAValueWithEquality() {
        assertEquals(ParticipantCode.parse("abc def gh3"), ParticipantCode.parse("ABC-DEF-GH3"));
        assertEquals(ParticipantCode.parse("abc def gh3").hashCode(), ParticipantCode.parse("ABC-DEF-GH3").hashCode());
        assertFalse(ParticipantCode.parse("ABC-DEF-GH3").equals(ParticipantCode.parse("222-222-222")));
    }

    private static Invalid refusal(String typed) {
        return assertThrows(Invalid.class, () -> ParticipantCode.parse(typed), String.valueOf(typed));
    }

    /** The check as the class states it, written apart from it: Σ position·value over all 9 characters. */
    private static int weightedSum(String code) {
        int sum = 0;
        for (int i = 0; i < code.length(); i++) {
            sum += (i + 1) * "23456789ABCDEFGHJKLMNPQRSTVWXYZ".indexOf(code.charAt(i));
        }
        return sum;
    }

    private static String replace(String code, int position, char other) {
        return code.substring(0, position) + other + code.substring(position + 1);
    }

    private static String swap(String code, int i, int j) {
        char[] characters = code.toCharArray();
        char kept = characters[i];
        characters[i] = characters[j];
        characters[j] = kept;
        return new String(characters);
    }
}
