package fi.voimala.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The layering that keeps a service's event contract apart from its API (docs/conventions.md, "Layout"): no class in
 * a {@code service/}, {@code mapping/}, {@code repository/}, {@code consumer/} or {@code events/} package imports the
 * REST layer ({@code ...rest...}), so renaming an API field cannot change what the service does or what its events
 * say. Reads the sources as text.
 */
public final class LayerDependencies {

    private static final Pattern INNER_LAYER = Pattern.compile(".*/(service|mapping|repository|consumer|events)/[^/]+\\.java");

    private LayerDependencies() {
    }

    /** @param basePackage the service's root package, e.g. {@code fi.voimala.partners} (its sources under src/main/java) */
    public static void assertNoInnerLayerImportsRest(String basePackage) throws IOException {
        Path sources = Path.of("src/main/java", basePackage.split("\\."));
        Pattern restImport = Pattern.compile("(?m)^import (static )?" + Pattern.quote(basePackage) + "\\.[\\w.]*\\.rest\\.");
        List<Path> inner;
        try (Stream<Path> files = Files.walk(sources)) {
            inner = files.filter(file -> INNER_LAYER.matcher(file.toString().replace('\\', '/')).matches()).toList();
        }
        assertTrue(inner.size() > 10, "the service, mapping, repository and events classes are found: " + inner);
        List<Path> offending = inner.stream().filter(file -> {
            try {
                return restImport.matcher(Files.readString(file)).find();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(List.of(), offending, "classes that import the REST layer");
    }
}
