package fi.voimala.partners.organisation.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import fi.voimala.partners.organisation.Organisation;
import fi.voimala.partners.persistence.PartnerConstraints;
import fi.voimala.partners.support.Register;
import fi.voimala.platform.problem.RuleViolationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proves the organisation table on the real PostgreSQL: look-ups by alias and business ID, the sector array
 * filter, and that the unique constraints hold even when the service's pre-checks are bypassed (two
 * concurrent requests), surfacing as the same 422 rule the API documents.
 */
@QuarkusTest
class OrganisationRepositoryTest {

    @Inject
    OrganisationRepository organisations;

    private static Organisation organisation(String businessId, String alias, String... sectors) {
        Organisation o = new Organisation();
        o.id = UUID.randomUUID();
        o.name = "Repo " + alias;
        o.businessId = businessId;
        o.sectors = sectors;
        o.memberSince = LocalDate.of(2018, 1, 1);
        o.keycloakAlias = alias;
        o.createdAt = Instant.now();
        o.updatedAt = o.createdAt;
        return o;
    }

    @Test
    @RunOnVertxContext
    void findsByAliasAndBusinessIdAndSector(UniAsserter asserter) {
        String alias = Register.newAlias();
        String businessId = Register.newBusinessId();
        asserter.execute(() -> Panache.withTransaction(() ->
                organisations.persist(organisation(businessId, alias, "RESEARCH", "TECHNOLOGY"))));
        asserter.assertThat(() -> Panache.withSession(() -> organisations.findByAlias(alias)),
                found -> assertEquals(businessId, found.businessId));
        asserter.assertThat(() -> Panache.withSession(() -> organisations.findByBusinessId(businessId)),
                found -> assertEquals(alias, found.keycloakAlias));
        asserter.assertThat(() -> Panache.withSession(() -> organisations
                        .count("keycloakAlias = ?1 and array_contains(sectors, ?2)", alias, "TECHNOLOGY")),
                count -> assertEquals(1L, count));
        asserter.assertThat(() -> Panache.withSession(() -> organisations
                        .count("keycloakAlias = ?1 and array_contains(sectors, ?2)", alias, "MUNICIPALITY")),
                count -> assertEquals(0L, count));
        asserter.assertThat(() -> Panache.withSession(() -> organisations.findByAlias("no-such-" + alias)),
                found -> assertNull(found));
    }

    @Test
    @RunOnVertxContext
    void theDatabaseRejectsASecondBusinessIdAsTheApiDoes(UniAsserter asserter) {
        String businessId = Register.newBusinessId();
        asserter.execute(() -> Panache.withTransaction(() ->
                organisations.persist(organisation(businessId, Register.newAlias(), "EDUCATION"))));
        asserter.assertFailedWith(() -> Panache.withTransaction(() ->
                        organisations.persistAndFlush(organisation(businessId, Register.newAlias(), "EDUCATION")))
                        .onFailure().transform(PartnerConstraints::translate),
                failure -> {
                    RuleViolationException violation = assertInstanceOf(RuleViolationException.class, failure);
                    assertEquals("businessId", violation.violations().get(0).field());
                    assertEquals("unique", violation.violations().get(0).rule());
                });
    }
}
