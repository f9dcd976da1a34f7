package fi.voimala.outcomes;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Every test of this service verifies real signed tokens, issued by a WireMock OIDC server (platform-testing's TestTokens). */
@QuarkusTestResource(OidcWiremockTestResource.class)
public class TestOidcServer {
}
