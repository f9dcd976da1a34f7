package fi.voimala.platform.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.JsonNumber;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once, not on every request that carries it. Verifying a JWT (parsing it several times,
 * checking its RSA signature) was over a third of the gateway's CPU under load, repeated for every request with the
 * same token; the gateway and every service have this mechanism.
 *
 * <p>It runs just before Quarkus OIDC's own mechanism, and only for a request with {@code Authorization: Bearer}
 * that the resolved OIDC tenant reads as a bearer token. On a miss it asks OIDC's mechanism, which verifies the token
 * exactly as without this cache, and keeps the identity OIDC returns under the tenant id and the token, until the
 * token's {@code exp} (never longer; a token without {@code exp}, an opaque token or one that OIDC did not take from
 * this header is not kept). A token OIDC refuses is refused again next time: failures are not kept. On a hit it
 * answers the kept identity, rebuilt for this request (the request's own {@code RoutingContext} in its attributes).
 * Any other request (a browser's session cookie, no credentials) gets no identity here, so OIDC's mechanism handles
 * it exactly as before; challenges (401 with {@code WWW-Authenticate}, the login redirect) are always OIDC's.
 *
 * <p>{@code voimala.security.token-cache.enabled} (true) switches it, {@code voimala.security.token-cache.max-size}
 * (10000) bounds it. {@code /q/metrics}: {@code voimala_token_cache_hits_total}, {@code ..._misses_total},
 * {@code voimala_token_cache_entries}.
 */
@Singleton
public class CachingBearerMechanism implements HttpAuthenticationMechanism {

    static final String BEARER = "Bearer";
    /** Where OIDC's mechanism keeps the tenant it resolved for the request (OidcAuthenticationMechanism.resolve). */
    static final String RESOLVED_TENANT = OidcTenantConfig.class.getName();
    /** Where OIDC puts the request's RoutingContext in an identity (OidcUtils.setRoutingContextAttribute). */
    static final String ROUTING_CONTEXT_ATTRIBUTE = RoutingContext.class.getName();
    /** The tenant that verified an identity (OidcUtils.TENANT_ID_ATTRIBUTE). */
    static final String TENANT_ID_ATTRIBUTE = "tenant-id";
    static final String DEFAULT_TENANT_ID = "Default";

    private final OidcAuthenticationMechanism oidc;
    private final boolean enabled;
    private final VerifiedTokenCache cache;

    @Inject
    CachingBearerMechanism(OidcAuthenticationMechanism oidc, MeterRegistry registry,
            @ConfigProperty(name = "voimala.security.token-cache.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "voimala.security.token-cache.max-size", defaultValue = "10000") int maxSize) {
        this.oidc = oidc;
        this.enabled = enabled;
        this.cache = new VerifiedTokenCache(maxSize, System::currentTimeMillis);
        FunctionCounter.builder("voimala.token.cache.hits", cache, VerifiedTokenCache::hits)
                .description("Bearer requests answered with an identity verified earlier for the same token")
                .register(registry);
        FunctionCounter.builder("voimala.token.cache.misses", cache, VerifiedTokenCache::misses)
                .description("Bearer requests whose token OIDC verified (not kept, or expired)")
                .register(registry);
        Gauge.builder("voimala.token.cache.entries", cache, VerifiedTokenCache::size)
                .description("Verified bearer tokens kept until they expire").register(registry);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = enabled ? bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION)) : null;
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        // Resolves the tenant as OIDC's authenticate would, and leaves it in the context, where that reuses it.
        return oidc.getCredentialTransport(context).chain(transport -> {
            // Anything unexpected (a Quarkus upgrade that keeps the tenant elsewhere) leaves the request to OIDC.
            if (transport == null || !(context.get(RESOLVED_TENANT) instanceof OidcTenantConfig tenant)
                    || !readsBearerHeader(tenant)) {
                return Uni.createFrom().nullItem();
            }
            String tenantId = tenant.tenantId().orElse(DEFAULT_TENANT_ID);
            VerifiedTokenCache.Key key = VerifiedTokenCache.key(tenantId, token);
            SecurityIdentity verified = cache.get(key);
            if (verified != null) {
                // As OIDC's mechanism does when it authenticates: a later challenge (step-up) is then OIDC's.
                context.put(HttpAuthenticationMechanism.class.getName(), oidc);
                return Uni.createFrom().item(forRequest(verified, context));
            }
            return oidc.authenticate(context, identityProviderManager)
                    .invoke(identity -> keep(key, tenantId, token, tenant, identity));
        });
    }

    /** The token of an {@code Authorization: Bearer} header, read as OIDC reads it; null for any other header. */
    static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        if (space <= 0 || !authorization.substring(0, space).equalsIgnoreCase(BEARER)) {
            return null;
        }
        String token = authorization.substring(space + 1);
        return token.isBlank() ? null : token;
    }

    /**
     * Whether the tenant takes the token from the Authorization header's Bearer scheme and judges it by the token
     * alone. Not when the token must be bound to the client certificate or checked with the provider on each request.
     */
    private static boolean readsBearerHeader(OidcTenantConfig tenant) {
        ApplicationType type = tenant.applicationType().orElse(ApplicationType.SERVICE);
        var token = tenant.token();
        return tenant.tenantEnabled()
                && (type == ApplicationType.SERVICE || type == ApplicationType.HYBRID)
                && token.header().isEmpty()
                && BEARER.equalsIgnoreCase(token.authorizationScheme())
                && !token.binding().certificate()
                && !token.requireJwtIntrospectionOnly()
                && !token.verifyAccessTokenWithUserInfo().orElse(false);
    }

    private void keep(VerifiedTokenCache.Key key, String tenantId, String token, OidcTenantConfig tenant,
            SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !tenantId.equals(identity.getAttribute(TENANT_ID_ATTRIBUTE))) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null || credential.isOpaque() || !token.equals(credential.getToken())) {
            return;
        }
        long expiresAt = expiresAtMillis(identity, tenant.token().age());
        if (expiresAt > 0) {
            cache.put(key, withoutRequest(identity), expiresAt);
        }
    }

    /** The token's exp, or its iat plus the tenant's maximum token age if that is sooner; 0 when it has no exp. */
    static long expiresAtMillis(SecurityIdentity identity, Optional<Duration> maxAge) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return 0;
        }
        long expiresAt = seconds(jwt.getClaim(Claims.exp.name())) * 1000;
        if (expiresAt > 0 && maxAge.isPresent()) {
            long issuedAt = seconds(jwt.getClaim(Claims.iat.name())) * 1000;
            expiresAt = issuedAt <= 0 ? 0 : Math.min(expiresAt, issuedAt + maxAge.get().toMillis());
        }
        return Math.max(expiresAt, 0);
    }

    /** A NumericDate claim in seconds, however the principal holds it; 0 when absent. */
    private static long seconds(Object claim) {
        if (claim instanceof Number number) {
            return number.longValue();
        }
        return claim instanceof JsonNumber number ? number.longValue() : 0;
    }

    /**
     * The identity without the request it was verified in: the kept copy must not hold on to that request's
     * RoutingContext (its memory, and a later request must never see it). Permission checkers that an augmentor
     * added are not copied (the platform has none); the possessed permissions (token scopes) are.
     */
    static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.values().removeIf(value -> value instanceof RoutingContext);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes)
                .addPermissions(identity.getPermissions())
                .build();
    }

    /** A cheap copy of the kept identity that carries this request's RoutingContext, as OIDC's own identity does. */
    static SecurityIdentity forRequest(SecurityIdentity kept, RoutingContext context) {
        return QuarkusSecurityIdentity.builder(kept)
                .addPermissions(kept.getPermissions())
                .addAttribute(ROUTING_CONTEXT_ATTRIBUTE, context)
                .build();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // Nothing of its own: OIDC's mechanism, next in line, challenges as it always has.
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }
}
