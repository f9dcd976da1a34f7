package fi.voimala.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Proves that StrictJson is confined to request bodies: the application's ObjectMapper, which consumers use to read
 * other services' events, still ignores fields it does not know (a producer may add fields within a type version).
 */
@QuarkusTest
class TolerantEventReadingTest {

    record SeenOrganisation(String id, String name) {
    }

    @Inject
    ObjectMapper mapper;

    @Test
    void theApplicationsMapperIgnoresUnknownFields() throws Exception {
        SeenOrganisation seen = mapper.readValue("{\"id\": \"o1\", \"name\": \"Savonia\", \"addedLater\": true}",
                SeenOrganisation.class);
        assertEquals("Savonia", seen.name());
    }
}
