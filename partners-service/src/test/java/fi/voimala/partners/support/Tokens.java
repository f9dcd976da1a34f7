package fi.voimala.partners.support;

import io.smallrye.jwt.build.Jwt;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens shaped like realm voimala's (roles in {@code realm_access.roles}, {@code organization: [alias]},
 * the Keycloak user id in {@code sub}), signed with the key of the WireMock OIDC server the service trusts
 * in tests (quarkus-test-oidc-server's privateKey.jwk, issuer https://server.example.com).
 */
public final class Tokens {

    private Tokens() {
    }

    public static String token(String role, String organisationAlias, String subject) {
        return Jwt.preferredUserName("user-" + subject).subject(subject).issuer("https://server.example.com")
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
