package fi.voimala.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as every service reads it from the token: user name, subject (the Keycloak user id),
 * platform roles and organisation.
 *
 * <p>The organisation is the alias of the Keycloak Organization the user belongs to. Keycloak writes it as
 * {@code "organization": ["alias"]}, or as an object keyed by alias when organisation attributes are mapped;
 * a plain string is accepted too. A user of the platform belongs to one organisation; a token naming several
 * is treated as naming none, so that nothing is scoped to the wrong one.
 */
public record Caller(String username, String subject, Set<String> roles, Optional<String> organization) {

    public static final String ORGANIZATION_CLAIM = "organization";

    public static Caller anonymous() {
        return new Caller(null, null, Set.of(), Optional.empty());
    }

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return anonymous();
        }
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(PlatformRole.ALL);
        String username = identity.getPrincipal().getName();
        String subject = null;
        Object organizationClaim = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject();
            if (jwt.getClaim("preferred_username") != null) {
                username = jwt.getClaim("preferred_username").toString();
            }
            organizationClaim = jwt.getClaim(ORGANIZATION_CLAIM);
        }
        return new Caller(username, subject, Set.copyOf(roles), singleOrganization(organizationClaim));
    }

    /** Reads the organisation claim in each shape Keycloak (or a test) may write it. */
    static Optional<String> singleOrganization(Object claim) {
        Collection<?> aliases;
        if (claim == null) {
            return Optional.empty();
        } else if (claim instanceof Map<?, ?> map) {
            aliases = map.keySet();
        } else if (claim instanceof Collection<?> collection) {
            aliases = collection;
        } else if (claim instanceof jakarta.json.JsonArray array) {
            aliases = array.stream().map(Caller::unquote).toList();
        } else if (claim instanceof jakarta.json.JsonObject object) {
            aliases = object.keySet();
        } else {
            aliases = List.of(unquote(claim));
        }
        List<String> names = aliases.stream().map(Caller::unquote).filter(s -> !s.isBlank()).distinct().toList();
        return names.size() == 1 ? Optional.of(names.get(0)) : Optional.empty();
    }

    private static String unquote(Object value) {
        if (value instanceof jakarta.json.JsonString string) {
            return string.getString();
        }
        return String.valueOf(value);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

}
