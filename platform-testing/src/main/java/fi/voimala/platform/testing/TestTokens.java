package fi.voimala.platform.testing;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens shaped like realm voimala's (roles in {@code realm_access.roles}, {@code organization: [alias]},
 * the Keycloak user id in {@code sub}), signed with the key of the WireMock OIDC server the service trusts
 * in tests (quarkus-test-oidc-server's privateKey.jwk, on each service's test classpath, issuer
 * https://server.example.com), for the platform's
 * audience {@code voimala-api} as the realm's audience mapper adds it.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static final String AUDIENCE = "voimala-api";

    public static String token(String role, String organisationAlias, String subject) {
        return token(role, organisationAlias, subject, AUDIENCE);
    }

    /** A token for another audience (e.g. {@code account}, Keycloak's own): what a service must refuse. */
    public static String token(String role, String organisationAlias, String subject, String audience) {
        return Jwt.preferredUserName("user-" + subject).subject(subject).issuer("https://server.example.com")
                .audience(audience)
                .claim("realm_access", Map.of("roles", List.of(role, "default-roles-voimala")))
                .claim("organization", organisationAlias == null ? List.of() : List.of(organisationAlias))
                .sign("privateKey.jwk");
    }

    public static String token(String role, String organisationAlias) {
        return token(role, organisationAlias, UUID.randomUUID().toString());
    }

    public static String coordinator() {
        return token("coordinator", "kuopion-konservatorio");
    }
}
