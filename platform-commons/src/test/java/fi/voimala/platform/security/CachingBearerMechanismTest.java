package fi.voimala.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.StringPermission;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * Proves the parts of the caching mechanism that decide what is cached and what a request gets: which
 * Authorization headers are bearer tokens (as Quarkus OIDC reads them), how long an identity may be kept (its exp,
 * sooner with a maximum token age, not at all without exp), and that the kept copy holds no request while each
 * request's copy holds its own, with the same principal, roles, credentials, attributes and permissions.
 */
class CachingBearerMechanismTest {

    @Test
    void readsTheTokenOfABearerHeaderOnly() {
        assertEquals("eyJ.a.b", CachingBearerMechanism.bearerToken("Bearer eyJ.a.b"));
        assertEquals("eyJ.a.b", CachingBearerMechanism.bearerToken("bearer eyJ.a.b"));
        assertNull(CachingBearerMechanism.bearerToken(null));
        assertNull(CachingBearerMechanism.bearerToken("Basic b2xsaTpzYWxhaW5lbg=="));
        assertNull(CachingBearerMechanism.bearerToken("DPoP eyJ.a.b"));
        assertNull(CachingBearerMechanism.bearerToken("Bearer "));
        assertNull(CachingBearerMechanism.bearerToken("Bearer"));
    }

    @Test
    void keepsAnIdentityUntilItsTokenExpires() {
        SecurityIdentity identity = withClaims(Map.of("exp", 1_700_000_300L, "iat", 1_700_000_000L));
        assertEquals(1_700_000_300_000L, CachingBearerMechanism.expiresAtMillis(identity, Optional.empty()));
        assertEquals(1_700_000_060_000L,
                CachingBearerMechanism.expiresAtMillis(identity, Optional.of(Duration.ofMinutes(1))),
                "a maximum token age shorter than the token's life ends it sooner");
        assertEquals(1_700_000_300_000L,
                CachingBearerMechanism.expiresAtMillis(identity, Optional.of(Duration.ofHours(1))));
    }

    @Test
    void doesNotKeepAnIdentityWithoutExp() {
        assertEquals(0, CachingBearerMechanism.expiresAtMillis(withClaims(Map.of("iat", 1_700_000_000L)),
                Optional.empty()));
        assertEquals(0, CachingBearerMechanism.expiresAtMillis(
                QuarkusSecurityIdentity.builder().setPrincipal(() -> "not-a-jwt").build(), Optional.empty()));
        assertEquals(0, CachingBearerMechanism.expiresAtMillis(withClaims(Map.of("exp", 1_700_000_300L)),
                Optional.of(Duration.ofMinutes(1))), "a maximum age cannot be applied without iat");
    }

    @Test
    void theKeptCopyHoldsNoRequestAndEachRequestGetsItsOwn() {
        RoutingContext first = routingContext();
        SecurityIdentity verified = QuarkusSecurityIdentity.builder(withClaims(Map.of("exp", 1_700_000_300L)))
                .addRole("org-admin")
                .addCredential(new PasswordCredential("x".toCharArray()))
                .addAttribute("tenant-id", "bearer-only")
                .addAttribute(RoutingContext.class.getName(), first)
                .addPermission(new StringPermission("partners:read"))
                .build();

        SecurityIdentity kept = CachingBearerMechanism.withoutRequest(verified);
        assertFalse(kept.getAttributes().containsValue(first));
        assertEquals("bearer-only", kept.getAttribute("tenant-id"));

        RoutingContext later = routingContext();
        SecurityIdentity forLater = CachingBearerMechanism.forRequest(kept, later);
        assertSame(later, forLater.getAttribute(RoutingContext.class.getName()));
        assertSame(verified.getPrincipal(), forLater.getPrincipal());
        assertEquals(Set.of("org-admin"), forLater.getRoles());
        assertEquals(verified.getCredentials(), forLater.getCredentials());
        assertEquals(verified.getPermissions(), forLater.getPermissions());
        assertTrue(forLater.checkPermissionBlocking(new StringPermission("partners:read")));
        assertFalse(forLater.checkPermissionBlocking(new StringPermission("partners:write")));
        assertFalse(forLater.isAnonymous());
    }

    private static SecurityIdentity withClaims(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return "olli";
            }

            @Override
            public Set<String> getClaimNames() {
                return all.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) all.get(claimName);
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).build();
    }

    private static RoutingContext routingContext() {
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] { RoutingContext.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
