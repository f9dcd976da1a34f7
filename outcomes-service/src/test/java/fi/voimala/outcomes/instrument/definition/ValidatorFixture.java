package fi.voimala.outcomes.instrument.definition;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small definition that uses every feature (labels, a reverse item, SUM, MEAN and LOOKUP scores, both
 * imputations), and broken copies of it made by replacing one JSON value.
 */
public final class ValidatorFixture {

    public static final String GOOD = """
            {
              "key": "test-scale",
              "version": 1,
              "name": {"fi": "Testi", "sv": "Test", "en": "Test"},
              "target": "PARTICIPANT",
              "licence": "A made-up scale for the tests.",
              "scale": {"min": 1, "max": 4, "labels": [
                {"value": 1, "text": {"fi": "ei", "sv": "nej", "en": "no"}},
                {"value": 2, "text": {"fi": "vähän", "sv": "lite", "en": "a little"}},
                {"value": 3, "text": {"fi": "melko", "sv": "ganska", "en": "quite"}},
                {"value": 4, "text": {"fi": "paljon", "sv": "mycket", "en": "much"}}]},
              "items": [
                {"id": "a", "text": {"fi": "A?", "sv": "A?", "en": "A?"}, "reverse": false},
                {"id": "b", "text": {"fi": "B?", "sv": "B?", "en": "B?"}, "reverse": false},
                {"id": "c", "text": {"fi": "C?", "sv": "C?", "en": "C?"}, "reverse": true}],
              "scores": [
                {"key": "total", "name": {"fi": "Summa", "sv": "Summa", "en": "Total"},
                 "items": ["a", "b", "c"], "method": "SUM", "lookup": null,
                 "missing": {"maxMissing": 1, "imputation": "PERSON_MEAN"},
                 "range": {"min": 3, "max": 12}, "higherIsBetter": true, "minimalImportantDifference": 2},
                {"key": "mean", "name": {"fi": "Keskiarvo", "sv": "Medel", "en": "Mean"},
                 "items": ["a", "b"], "method": "MEAN", "lookup": null,
                 "missing": {"maxMissing": 1, "imputation": "NONE"},
                 "range": {"min": 1.00, "max": 4.00}, "higherIsBetter": true, "minimalImportantDifference": 0.5},
                {"key": "conv", "name": {"fi": "Muunnos", "sv": "Omvandlad", "en": "Converted"},
                 "items": ["a", "b"], "method": "LOOKUP",
                 "lookup": {"2": 0, "3": 12.50, "4": 25, "5": 37.50, "6": 62.50, "7": 80, "8": 100},
                 "missing": {"maxMissing": 0, "imputation": "NONE"},
                 "range": {"min": 0, "max": 100}, "higherIsBetter": false, "minimalImportantDifference": 10}
              ]
            }
            """;

    /** The value that makes {@link #with} remove the property or array element instead of replacing it. */
    static final String REMOVE = "REMOVE";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ValidatorFixture() {
    }

    /** GOOD with the value at a JSON pointer ({@code /scores/0/range/max}) replaced by a JSON text. */
    static InstrumentDefinition with(String pointer, String json) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(GOOD);
            JsonPointer at = JsonPointer.compile(pointer);
            JsonNode parent = root.at(at.head());
            String last = at.last().getMatchingProperty();
            if (parent instanceof ArrayNode array) {
                int index = Integer.parseInt(last);
                if (REMOVE.equals(json)) {
                    array.remove(index);
                } else {
                    array.set(index, JSON.readTree(json));
                }
            } else {
                ObjectNode object = (ObjectNode) parent;
                if (REMOVE.equals(json)) {
                    object.remove(last);
                } else {
                    object.set(last, JSON.readTree(json));
                }
            }
            return InstrumentDefinitions.read(JSON.writeValueAsString(root));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
