package fi.voimala.outcomes.instrument.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the validator, broken once in an otherwise valid definition: the problem must name the field as
 * a user reads it and the rule. Expected values come from the rules in the brief; the fixture's ranges by hand
 * (SUM of 3 items on 1–4: 3–12; MEAN: 1–4; the lookup's values 0–100 for raw sums 2–8).
 */
class DefinitionValidatorTest {

    @Test
    void theFixtureIsValid() {
        assertEquals(List.of(), DefinitionValidator.validate(InstrumentDefinitions.read(ValidatorFixture.GOOD)));
    }

    @ParameterizedTest(name = "{0} = {1} -> {2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            /key                                 | null        | key                                  | required
            /key                                 | '"Bad Key"' | key                                  | pattern
            /key                                 | '"a"'       | key                                  | pattern
            /key                                 | '"-lead"'   | key                                  | pattern
            /version                             | 0           | version                              | range
            /name                                | null        | name                                 | required
            /name/sv                             | '" "'       | name.sv                              | required
            /target                              | null        | target                               | required
            /licence                             | '""'        | licence                              | required
            /scale                               | null        | scale                                | required
            /scale/max                           | 1           | scale.max                            | range
            /scale/max                           | 0           | scale.max                            | range
            /scale/max                           | 200         | scale.max                            | range
            /scale/labels/2/value                | 9           | scale.labels[2].value                | range
            /scale/labels/2/value                | 2           | scale.labels[2].value                | unique
            /scale/labels/3                      | REMOVE      | scale.labels                         | label-coverage
            /scale/labels/0/text/en              | '""'        | scale.labels[0].text.en              | required
            /items                               | []          | items                                | required
            /items                               | null        | items                                | required
            /items/1/id                          | '""'        | items[1].id                          | required
            /items/1/id                          | '"B!"'      | items[1].id                          | pattern
            /items/1/id                          | '"a"'       | items[1].id                          | unique
            /items/0/text/fi                     | null        | items[0].text.fi                     | required
            /scores                              | []          | scores                               | required
            /scores                              | null        | scores                               | required
            /scores/1/key                        | '"total"'   | scores[1].key                        | unique
            /scores/1/key                        | '""'        | scores[1].key                        | required
            /scores/0/name                       | null        | scores[0].name                       | required
            /scores/0/name/en                    | '"  "'      | scores[0].name.en                    | required
            /scores/0/items                      | []          | scores[0].items                      | required
            /scores/0/items/1                    | '"zzz"'     | scores[0].items[1]                   | unknown-item
            /scores/0/items/1                    | '"a"'       | scores[0].items[1]                   | unique
            /scores/0/items/1                    | '""'        | scores[0].items[1]                   | required
            /scores/0/method                     | null        | scores[0].method                     | required
            /scores/0/lookup                     | '{"3": 1}'  | scores[0].lookup                     | lookup
            /scores/2/lookup                     | null        | scores[2].lookup                     | required
            /scores/2/lookup/5                   | REMOVE      | scores[2].lookup                     | lookup-coverage
            /scores/2/lookup/5                   | null        | scores[2].lookup                     | lookup-coverage
            /scores/2/lookup/9                   | 100         | scores[2].lookup                     | lookup-key
            /scores/2/method                     | '"SUM"'     | scores[2].lookup                     | lookup
            /scores/1/method                     | '"LOOKUP"'  | scores[1].lookup                     | required
            /scores/0/range                      | null        | scores[0].range                      | required
            /scores/0/range/min                  | null        | scores[0].range.min                  | required
            /scores/0/range/max                  | 13          | scores[0].range.max                  | range
            /scores/0/range/min                  | 1           | scores[0].range.min                  | range
            /scores/1/range/min                  | 2           | scores[1].range.min                  | range
            /scores/1/range/max                  | 12          | scores[1].range.max                  | range
            /scores/2/range/max                  | 99          | scores[2].range.max                  | range
            /scores/0/missing                    | null        | scores[0].missing                    | required
            /scores/0/missing/maxMissing         | 3           | scores[0].missing.maxMissing         | range
            /scores/0/missing/maxMissing         | -1          | scores[0].missing.maxMissing         | range
            /scores/0/missing/imputation         | '"NONE"'    | scores[0].missing.maxMissing         | missing-rule
            /scores/0/missing/imputation         | null        | scores[0].missing.imputation         | required
            /scores/0/minimalImportantDifference | 0           | scores[0].minimalImportantDifference | range
            /scores/0/minimalImportantDifference | -1          | scores[0].minimalImportantDifference | range
            /scores/0/minimalImportantDifference | 9.01        | scores[0].minimalImportantDifference | range
            """)
    void eachBrokenRuleIsNamed(String pointer, String json, String field, String rule) {
        List<DefinitionProblem> problems = DefinitionValidator.validate(ValidatorFixture.with(pointer, json));
        assertTrue(problems.stream().anyMatch(p -> p.field().equals(field) && p.rule().equals(rule)),
                () -> "expected " + field + " " + rule + " in " + problems);
        problems.forEach(p -> assertTrue(p.message() != null && !p.message().isBlank(), p.toString()));
    }

    @Test
    void theLookupCoverageProblemNamesTheRawScore() {
        List<DefinitionProblem> problems = DefinitionValidator.validate(
                ValidatorFixture.with("/scores/2/lookup/5", ValidatorFixture.REMOVE));
        assertEquals(List.of(new DefinitionProblem("scores[2].lookup", "lookup-coverage",
                "the lookup table has no value for raw score 5")), problems);
    }

    @Test
    void theMaximumOfTheMidIsTheRangeWidth() {
        // SUM 3–12 is 9 wide: a MID of exactly 9 is allowed, 9.01 is not (in the table above)
        assertEquals(List.of(), DefinitionValidator.validate(
                ValidatorFixture.with("/scores/0/minimalImportantDifference", "9")));
    }

    @Test
    void aMeanMayLeaveItemsOutWithoutImputation() {
        // the fixture's "mean" score already does; a SUM doing the same is the missing-rule case above
        assertEquals(List.of(), DefinitionValidator.validate(
                ValidatorFixture.with("/scores/1/missing/imputation", "\"PERSON_MEAN\"")));
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        InstrumentDefinition d = InstrumentDefinitions.read(ValidatorFixture.GOOD
                .replace("\"key\": \"test-scale\"", "\"key\": \"X\"")
                .replace("\"version\": 1", "\"version\": 0")
                .replace("\"items\": [\"a\", \"b\", \"c\"]", "\"items\": [\"a\", \"b\", \"nope\"]"));
        String fields = DefinitionValidator.validate(d).stream().map(DefinitionProblem::field)
                .collect(Collectors.joining(","));
        assertEquals("key,version,scores[0].items[2]", fields);
    }
}
