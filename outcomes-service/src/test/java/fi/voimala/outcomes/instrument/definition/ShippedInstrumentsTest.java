package fi.voimala.outcomes.instrument.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped definitions are what the service seeds its database with, so each must pass the validator. */
class ShippedInstrumentsTest {

    private final Map<String, InstrumentDefinition> shipped = InstrumentDefinitions.shipped().stream()
            .collect(Collectors.toMap(InstrumentDefinition::key, Function.identity()));

    @Test
    void theIndexListsEveryShippedFileUnderItsKey() {
        List<String> files = InstrumentDefinitions.shippedFiles();
        assertEquals(List.of("ucla-3.json", "session-mood.json", "physical-function.json", "swemwbs.json",
                "uwes-9.json"), files);
        // a file is named after the key it holds, so an operator finds an instrument by its key
        assertEquals(files.stream().map(f -> f.replace(".json", "")).collect(Collectors.toSet()), shipped.keySet());
    }

    @Test
    void everyShippedDefinitionIsValid() {
        shipped.values().forEach(d -> assertEquals(List.of(), DefinitionValidator.validate(d), d.key()));
    }

    @Test
    void licensedInstrumentsShipWithoutTheirTexts() {
        assertTrue(shipped.get("ucla-3").textsIncluded());
        assertTrue(shipped.get("session-mood").textsIncluded());
        assertTrue(shipped.get("physical-function").textsIncluded());
        assertFalse(shipped.get("swemwbs").textsIncluded());
        assertFalse(shipped.get("uwes-9").textsIncluded());
    }

    @Test
    void targetsAreAsTheNetworkUsesThem() {
        assertEquals(Target.STAFF, shipped.get("uwes-9").target());
        shipped.values().stream().filter(d -> !d.key().equals("uwes-9"))
                .forEach(d -> assertEquals(Target.PARTICIPANT, d.target(), d.key()));
    }
}
