package fi.voimala.partners.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import fi.voimala.partners.agreement.Agreement;
import fi.voimala.partners.agreement.repository.AgreementRepository;
import fi.voimala.partners.organisation.Organisation;
import fi.voimala.partners.site.Site;
import fi.voimala.partners.site.repository.SiteRepository;
import fi.voimala.partners.support.Register;
import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proves that the register's check constraints hold when a write skips the services' pre-checks (as a race
 * between check and write would), and come out as the same 422 field and rule the API's pre-check gives: rows that
 * break them are persisted straight through the repositories and the failure is translated by PartnerConstraints.
 */
@QuarkusTest
class PartnerConstraintsTest {

    @Inject
    AgreementRepository agreements;
    @Inject
    SiteRepository sites;

    /** A member organisation, written directly (a blocking API call would stall the Vert.x thread this test runs on). */
    private static Uni<UUID> organisation() {
        Organisation organisation = new Organisation();
        organisation.id = UUID.randomUUID();
        organisation.name = "Rajoitetesti";
        organisation.businessId = Register.newBusinessId();
        organisation.sectors = new String[] {"THIRD_SECTOR"};
        organisation.memberSince = LocalDate.of(2018, 1, 1);
        organisation.keycloakAlias = Register.newAlias();
        organisation.createdAt = Instant.now();
        organisation.updatedAt = organisation.createdAt;
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.persist(organisation)))
                .replaceWith(organisation.id);
    }

    private static void assertViolation(Throwable failure, String field, String rule) {
        Violation violation = assertInstanceOf(RuleViolationException.class, failure).violations().get(0);
        assertEquals(field, violation.field());
        assertEquals(rule, violation.rule());
    }

    @Test
    @RunOnVertxContext
    void anAgreementEndingBeforeItStartsIsRefusedByTheDatabase(UniAsserter asserter) {
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.type = "PARTNERSHIP";
        agreement.title = "Kumppanuussopimus";
        agreement.validFrom = LocalDate.of(2026, 1, 1);
        agreement.validUntil = LocalDate.of(2025, 12, 31);
        agreement.createdAt = Instant.now();
        agreement.updatedAt = agreement.createdAt;
        asserter.execute(() -> organisation().invoke(id -> agreement.organisationId = id));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> agreements.persistAndFlush(agreement))
                        .onFailure().transform(PartnerConstraints::translate),
                failure -> assertViolation(failure, "validUntil", "after-valid-from"));
    }

    @Test
    @RunOnVertxContext
    void aWardWithoutItsCodeIsRefusedByTheDatabase(UniAsserter asserter) {
        Site site = new Site();
        site.id = UUID.randomUUID();
        site.name = "Osasto ilman koodia";
        site.type = "HOSPITAL_WARD";
        site.hospitalName = "Harjulan sairaala";
        site.createdAt = Instant.now();
        site.updatedAt = site.createdAt;
        asserter.execute(() -> organisation().invoke(id -> site.organisationId = id));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> sites.persistAndFlush(site))
                        .onFailure().transform(PartnerConstraints::translate),
                failure -> assertViolation(failure, "wardCode", "ward-code-only-for-wards"));
    }
}
