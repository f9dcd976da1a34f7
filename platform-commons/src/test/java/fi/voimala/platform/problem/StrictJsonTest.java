package fi.voimala.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.voimala.platform.problem.Problem.Violation;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proves that the platform's JSON reading refuses what Jackson would otherwise silently accept or change (plain
 * JUnit, on an ObjectMapper configured by {@link StrictJson}), and that each refusal is described in the API's terms:
 * the field's JSON path, what it must be and what was sent, never a Java type's name.
 */
class StrictJsonTest {

    enum Colour { RED, GREEN }

    record Item(String name, Long version, Boolean active, Double weight, Set<Colour> colours, LocalDate since,
                UUID ownerId, Colour colour, Inner inner) {
    }

    record Inner(Integer count) {
    }

    static final ObjectMapper MAPPER = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    private static Problem problemOf(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, Item.class));
        return UnreadableJson.problem(e);
    }

    private static Violation violationOf(String json) {
        return problemOf(json).violations().get(0);
    }

    @Test
    void readsWellTypedJson() throws Exception {
        Item item = MAPPER.readValue("""
                {"name": "a", "version": 3, "active": true, "weight": 2, "colours": ["RED"], "since": "2018-01-01",
                 "ownerId": "3f1c2a8e-0000-4000-8000-000000000001", "colour": "GREEN", "inner": {"count": 1}}""", Item.class);
        assertEquals(3L, item.version());
        assertEquals(2.0, item.weight());
    }

    @Test
    void anUnknownFieldIsNamed() {
        Violation v = violationOf("{\"nmae\": \"a\"}");
        assertEquals("nmae", v.field());
        assertEquals("unknown-field", v.rule());
        assertEquals(400, problemOf("{\"inner\": {\"cuont\": 1}}").status());
        assertEquals("inner.cuont", violationOf("{\"inner\": {\"cuont\": 1}}").field());
    }

    @Test
    void noValueIsCoercedFromAnotherJsonType() {
        assertEquals(new Violation("version", "type", "must be a whole number, not a decimal number"), violationOf("{\"version\": 1.7}"));
        assertEquals(new Violation("version", "type", "must be a whole number, not text"), violationOf("{\"version\": \"1\"}"));
        assertEquals(new Violation("name", "type", "must be text, not a whole number"), violationOf("{\"name\": 12}"));
        assertEquals("type", violationOf("{\"active\": \"true\"}").rule());
        assertEquals("type", violationOf("{\"active\": 1}").rule());
        assertEquals("type", violationOf("{\"weight\": \"2.5\"}").rule());
        assertEquals("inner.count", violationOf("{\"inner\": {\"count\": \"1\"}}").field());
        assertEquals("colour", violationOf("{\"colour\": 0}").field());
        assertEquals("since", violationOf("{\"since\": 20180101}").field());
    }

    @Test
    void aStringWhereAListBelongsSaysAList() {
        Violation v = violationOf("{\"colours\": \"RED\"}");
        assertEquals(new Violation("colours", "type", "must be a list, not text"), v);
    }

    @Test
    void valuesOfTheRightJsonTypeButWrongFormAreNamed() {
        assertEquals(new Violation("since", "format", "'2018-13-01' is not a date (YYYY-MM-DD)"),
                violationOf("{\"since\": \"2018-13-01\"}"));
        assertEquals("format", violationOf("{\"ownerId\": \"42\"}").rule());
        Problem unknownColour = problemOf("{\"colours\": [\"BLUE\"]}");
        assertEquals(422, unknownColour.status());
        assertEquals(new Violation("colours[0]", "known-value", "unknown value 'BLUE'; allowed: RED, GREEN"),
                unknownColour.violations().get(0));
    }

    @Test
    void brokenJsonSaysWhereItBroke() {
        Problem problem = problemOf("{\n  \"name\": \"a\",\n  }");
        assertEquals(400, problem.status());
        assertEquals("https://voimala.fi/problems/unreadable-input", problem.type());
        assertEquals("json-syntax", problem.violations().get(0).rule());
        assertEquals(true, problem.detail().contains("line 3, column 3"), problem.detail());
    }

    @Test
    void aBodyOfTheWrongShapeIsNamedAsTheBody() {
        Violation v = violationOf("[1, 2]");
        assertEquals(null, v.field());
        assertEquals("the body must be an object, not a list", v.message());
    }
}
