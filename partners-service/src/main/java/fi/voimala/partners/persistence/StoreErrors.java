package fi.voimala.partners.persistence;

import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.RuleViolationException;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /** Unique index or constraint name -> the JSON field it guards. */
    private static final Map<String, String> UNIQUE_FIELDS = Map.of(
            "organisation_business_id_unique", "businessId",
            "organisation_keycloak_alias_unique", "keycloakAlias",
            "professional_email_unique", "email",
            "professional_keycloak_user_id_unique", "keycloakUserId",
            "pair_active_unique", "careProfessionalId",
            "site_ward_code_unique", "wardCode");

    private StoreErrors() {
    }

    public static Throwable translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleObjectStateException || t instanceof jakarta.persistence.OptimisticLockException) {
                return staleVersion();
            }
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                String field = UNIQUE_FIELDS.get(violation.getConstraintName());
                if (field != null) {
                    return new RuleViolationException(field, "unique", "is already in use");
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

    public static LocalDate today() {
        return LocalDate.now(HELSINKI);
    }
}
