package fi.voimala.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Proves that the organisation is read from each shape of the claim, and that ambiguity yields none. */
class CallerTest {

    @Test
    void readsTheAliasFromKeycloaksListShape() {
        assertEquals(Optional.of("kuopion-kaupunki"), Caller.singleOrganization(List.of("kuopion-kaupunki")));
        assertEquals(Optional.of("pshp-kys"),
                Caller.singleOrganization(Json.createArrayBuilder().add("pshp-kys").build()));
    }

    @Test
    void readsTheAliasFromTheObjectShapeWithAttributes() {
        assertEquals(Optional.of("savonia"), Caller.singleOrganization(Map.of("savonia", Map.of("id", "x"))));
        assertEquals(Optional.of("savonia"), Caller.singleOrganization(
                Json.createObjectBuilder().add("savonia", Json.createObjectBuilder().add("id", "x")).build()));
    }

    @Test
    void acceptsAPlainString() {
        assertEquals(Optional.of("sakky"), Caller.singleOrganization("sakky"));
    }

    @Test
    void noClaimOrSeveralOrganisationsMeansNone() {
        assertEquals(Optional.empty(), Caller.singleOrganization(null));
        assertEquals(Optional.empty(), Caller.singleOrganization(List.of()));
        assertEquals(Optional.empty(), Caller.singleOrganization(List.of("savonia", "sakky")));
    }
}
