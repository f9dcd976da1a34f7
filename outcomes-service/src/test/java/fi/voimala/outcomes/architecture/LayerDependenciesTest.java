package fi.voimala.outcomes.architecture;

import fi.voimala.platform.testing.LayerDependencies;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Proves the layering that keeps the event contract apart from the API (docs/conventions.md, "Layout"): no service,
 * mapping, repository, consumer or events class imports the REST layer. A plain JUnit test, no Quarkus.
 */
class LayerDependenciesTest {

    @Test
    void noInnerLayerImportsTheRestLayer() throws IOException {
        LayerDependencies.assertNoInnerLayerImportsRest("fi.voimala.outcomes");
    }
}
