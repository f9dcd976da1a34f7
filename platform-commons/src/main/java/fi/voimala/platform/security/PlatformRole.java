package fi.voimala.platform.security;

import java.util.Set;

/** The realm roles of the platform (deploy/keycloak/voimala-realm.json); Keycloak's own roles are not among them. */
public final class PlatformRole {
    public static final String COORDINATOR = "coordinator";
    public static final String ORG_ADMIN = "org-admin";
    public static final String ARTIST = "artist";
    public static final String CARE_PROFESSIONAL = "care-professional";
    public static final String HOSPITAL_SYSTEM = "hospital-system";
    public static final String RESEARCHER = "researcher";
    public static final String VIEWER = "viewer";

    public static final Set<String> ALL =
            Set.of(COORDINATOR, ORG_ADMIN, ARTIST, CARE_PROFESSIONAL, HOSPITAL_SYSTEM, RESEARCHER, VIEWER);

    private PlatformRole() {
    }
}
