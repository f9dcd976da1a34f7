package fi.voimala.gateway;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.List;
import java.util.Map;

/**
 * Tokens shaped like Keycloak's for the platform's clients (realm roles in {@code realm_access.roles}, the
 * organisation as {@code organization: [alias]}, {@code aud} containing {@code voimala-api}), signed with the
 * key of the WireMock OIDC server of quarkus-test-oidc-server.
 */
public final class TestTokens {

    /** OidcWiremockTestResource's issuer. */
    public static final String ISSUER = "https://server.example.com";
    /** The audience the gateway's bearer-only tenant requires (quarkus.oidc.bearer-only.token.audience). */
    public static final String AUDIENCE = "voimala-api";

    private TestTokens() {
    }

    public static JwtClaimsBuilder keycloakLike(String username, List<String> roles, List<String> organizations) {
        return Jwt.preferredUserName(username).subject("id-of-" + username).issuer(ISSUER).audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", roles))
                .claim("organization", organizations);
    }

    /** An org-admin of kuopion-kaupunki. */
    public static String orgAdmin() {
        return keycloakLike("olli", List.of("org-admin"), List.of("kuopion-kaupunki")).sign("privateKey.jwk");
    }
}
