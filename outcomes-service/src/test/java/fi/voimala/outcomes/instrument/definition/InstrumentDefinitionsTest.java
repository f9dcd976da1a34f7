package fi.voimala.outcomes.instrument.definition;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading is strict, because a silently ignored property in a definition would change how people are scored. */
class InstrumentDefinitionsTest {

    @Test
    void readsARecordWithExactDecimals() {
        InstrumentDefinition d = InstrumentDefinitions.read(ValidatorFixture.GOOD);
        assertEquals("test-scale", d.key());
        // the lookup keeps the table's decimals exactly as written, 7.00 stays 7.00
        assertEquals(new BigDecimal("12.50"), d.scores().get(2).lookup().get(3));
        assertTrue(d.items().get(2).reverse());
    }

    @Test
    void aDefinitionWrittenByAnotherMapperReadsBackEqual() throws Exception {
        // the service stores definitions as JSON written by Quarkus' mapper and reads them back strictly, so
        // nothing a plain mapper writes (textsIncluded(), item(id)) may become an unknown property
        ObjectMapper plain = new ObjectMapper();
        for (InstrumentDefinition d : InstrumentDefinitions.shipped()) {
            assertEquals(d, InstrumentDefinitions.read(plain.writeValueAsString(d)), d.key());
        }
    }

    @Test
    void anUnknownPropertyIsNamedWithItsPath() {
        String json = ValidatorFixture.GOOD.replace("\"higherIsBetter\": true,",
                "\"higherIsBetter\": true, \"colour\": 1,");
        InvalidDefinitionJsonException e = assertThrows(InvalidDefinitionJsonException.class,
                () -> InstrumentDefinitions.read(json));
        assertEquals("scores[0].colour", e.problem().field());
        assertEquals("unknown-property", e.problem().rule());
    }

    @Test
    void aFractionWhereAnIntegerBelongsIsRejected() {
        InvalidDefinitionJsonException e = assertThrows(InvalidDefinitionJsonException.class,
                () -> InstrumentDefinitions.read("{\"version\": 1.5}"));
        assertEquals("version", e.problem().field());
        assertEquals("format", e.problem().rule());
    }

    @Test
    void aNonIntegerLookupKeyIsRejected() {
        InvalidDefinitionJsonException e = assertThrows(InvalidDefinitionJsonException.class,
                () -> InstrumentDefinitions.read("{\"scores\": [{\"lookup\": {\"7.5\": 1}}]}"));
        assertEquals("format", e.problem().rule());
        assertTrue(e.problem().field().startsWith("scores[0].lookup"), e.problem().field());
    }

    @Test
    void aDuplicatedPropertyIsRejected() {
        // otherwise the second "3" of a lookup table would silently win
        assertThrows(InvalidDefinitionJsonException.class,
                () -> InstrumentDefinitions.read("{\"scores\": [{\"lookup\": {\"3\": 1, \"3\": 2}}]}"));
    }

    @Test
    void brokenJsonIsAProblemToo() {
        InvalidDefinitionJsonException e = assertThrows(InvalidDefinitionJsonException.class,
                () -> InstrumentDefinitions.read("{\"key\": "));
        assertEquals("json", e.problem().rule());
    }

    @Test
    void anEmptyObjectReadsAndGivesProblemsNotExceptions() {
        InstrumentDefinition d = InstrumentDefinitions.read("{}");
        List<DefinitionProblem> problems = assertDoesNotThrow(() -> DefinitionValidator.validate(d));
        List<String> fields = problems.stream().map(DefinitionProblem::field).toList();
        assertEquals(List.of("key", "version", "name", "target", "licence", "scale", "items", "scores"), fields);
        assertFalse(d.textsIncluded());
    }

    @Test
    void nullsInsideListsGiveProblemsNotExceptions() {
        InstrumentDefinition d = InstrumentDefinitions.read("""
                {"items": [null], "scores": [null, {"items": [null], "lookup": {}, "range": {},
                 "missing": {}}], "scale": {"min": 1, "max": 3, "labels": [null]}}""");
        List<DefinitionProblem> problems = assertDoesNotThrow(() -> DefinitionValidator.validate(d));
        List<String> fields = problems.stream().map(DefinitionProblem::field).toList();
        assertTrue(fields.containsAll(List.of("items[0]", "scores[0]", "scores[1].items[0]", "scale.labels[0]",
                "scores[1].method", "scores[1].range.min", "scores[1].missing.imputation")), fields.toString());
        assertTrue(DefinitionValidator.validate(null).size() == 1);
    }
}
