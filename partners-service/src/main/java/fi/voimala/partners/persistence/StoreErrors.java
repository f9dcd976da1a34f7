package fi.voimala.partners.persistence;

import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Turns what the database says into what the API says: a unique index that a concurrent request hit first
 * into the same 422 the pre-check gives, a concurrent update into 409. The checks in the services catch the
 * usual case with a clear message; these catch the race between check and write.
 */
public final class StoreErrors {

    public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    /** Unique index or constraint name -> the field it guards and the rule the pre-check names. */
    private static final Map<String, Violation> UNIQUE_RULES = Map.of(
            "organisation_business_id_unique", new Violation("businessId", "unique", "another organisation has this business ID"),
            "organisation_keycloak_alias_unique", new Violation("keycloakAlias", "unique", "another organisation has this Keycloak alias"),
            "professional_email_unique", new Violation("email", "unique", "another professional has this e-mail address"),
            "professional_keycloak_user_id_unique", new Violation("keycloakUserId", "unique", "another professional has this login"),
            "pair_active_unique", new Violation("careProfessionalId", "pair-already-active", "these two already form an active pair"),
            "site_ward_code_unique", new Violation("wardCode", "unique", "this ward code is already registered in this hospital"));

    private StoreErrors() {
    }

    public static Throwable translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleObjectStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return staleVersion();
            }
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                Violation rule = UNIQUE_RULES.get(violation.getConstraintName());
                if (rule != null) {
                    return new RuleViolationException(List.of(rule));
                }
            }
        }
        return failure;
    }

    public static ConflictException staleVersion() {
        return new ConflictException("stale-version",
                "someone else changed this in the meantime; read it again and repeat the change");
    }

    /** Optimistic locking as the API shows it: the client sends the version it read. */
    public static void requireVersion(Long sent, long current) {
        if (sent == null) {
            throw new RuleViolationException("version", "not-null", "send the version you read, to update");
        }
        if (sent != current) {
            throw staleVersion();
        }
    }

    public static NotFoundException notFound(String what, UUID id) {
        return new NotFoundException(what + " " + id + " does not exist");
    }

    /** A leave, close or dissolve is recorded when it happens: its date may not lie ahead. */
    public static LocalDate happenedOn(LocalDate given, String field) {
        LocalDate today = today();
        if (given == null) {
            return today;
        }
        if (given.isAfter(today)) {
            throw new RuleViolationException(field, "not-in-future", "record it when it happens: must not be after " + today);
        }
        return given;
    }

    public static LocalDate today() {
        return LocalDate.now(HELSINKI);
    }
}
