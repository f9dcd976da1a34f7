package fi.voimala.partners.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proves the layering that keeps the event contract apart from the API (docs/conventions.md, "Layout"): no class in a
 * {@code service/}, {@code mapping/}, {@code repository/} or {@code events/} package imports the REST layer
 * ({@code ...rest...}), so renaming an API field cannot change what the service does or what its events say. Reads
 * the sources as text: a plain JUnit test, no Quarkus.
 */
class LayerDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/fi/voimala/partners");
    private static final Pattern INNER_LAYER = Pattern.compile(".*/(service|mapping|repository|events)/[^/]+\\.java");
    private static final Pattern REST_IMPORT = Pattern.compile("(?m)^import (static )?fi\\.voimala\\.partners\\.[\\w.]*\\.rest\\.");

    @Test
    void noInnerLayerImportsTheRestLayer() throws IOException {
        List<Path> inner;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            inner = files.filter(file -> INNER_LAYER.matcher(file.toString().replace('\\', '/')).matches()).toList();
        }
        assertTrue(inner.size() > 10, "the service, mapping, repository and events classes are found: " + inner);
        List<Path> offending = inner.stream().filter(LayerDependenciesTest::importsRest).toList();
        assertEquals(List.of(), offending, "classes that import the REST layer");
    }

    private static boolean importsRest(Path file) {
        try {
            return REST_IMPORT.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
