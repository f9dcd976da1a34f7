package fi.voimala.partners.persistence;

import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.platform.problem.Problem.Violation;
import java.util.Map;

/**
 * The register's database constraints (V1__partner_register.sql) as the API names them: a constraint that a
 * concurrent request trips between a service's pre-check and its write is answered with the same field and
 * rule as the pre-check. Everything else (stale versions, unnamed constraints) platform-commons' StoreErrors
 * maps the same way in every service.
 */
public final class PartnerConstraints {

    /** Constraint or index name -> the field it guards and the rule the pre-check names. */
    static final Map<String, Violation> RULES = Map.of(
            "organisation_business_id_unique", new Violation("businessId", "unique", "another organisation has this business ID"),
            "organisation_keycloak_alias_unique", new Violation("keycloakAlias", "unique", "another organisation has this Keycloak alias"),
            "professional_email_unique", new Violation("email", "unique", "another professional has this e-mail address"),
            "professional_keycloak_user_id_unique", new Violation("keycloakUserId", "unique", "another professional has this login"),
            "pair_active_unique", new Violation("careProfessionalId", "pair-already-active", "these two already form an active pair"),
            "pair_of_two_people", new Violation("careProfessionalId", "different-professionals", "a pair is two different professionals"),
            "site_ward_code_unique", new Violation("wardCode", "unique", "this ward code is already registered in this hospital"),
            "site_ward_has_code", new Violation("wardCode", "ward-code-only-for-wards",
                    "a HOSPITAL_WARD has a ward code and a hospital name, and no other site has them"),
            "agreement_validity_order", new Violation("validUntil", "after-valid-from", "must not be before validFrom"));

    private PartnerConstraints() {
    }

    /** Use as {@code .onFailure().transform(PartnerConstraints::translate)} on every write. */
    public static Throwable translate(Throwable failure) {
        return StoreErrors.translate(failure, RULES);
    }
}
