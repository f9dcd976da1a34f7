package fi.voimala.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.testapp.OnVertx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Proves on the real PostgreSQL that every kind of constraint violation a write can meet under a race becomes a
 * 409 or 422 problem, never a 500: each test writes straight through Hibernate Reactive (as a service does after
 * its pre-checks) a row that breaks one constraint, and checks what {@link StoreErrors#translate} makes of it —
 * the service's own field and rule where its table names the constraint, else a generic rule per kind.
 */
@QuarkusTest
class StoreErrorsTest {

    /** What a service would supply: the constraints its pre-checks also guard. */
    static final Map<String, Violation> TABLE = Map.of(
            "test_parent_name_unique", new Violation("name", "unique", "another parent has this name"),
            "test_child_amount_positive", new Violation("amount", "positive", "must be more than 0"));

    private static Throwable failureOf(Supplier<Uni<?>> write) {
        return assertThrows(RuntimeException.class, () -> OnVertx.await(() -> Panache.withTransaction(() -> write.get().replaceWithVoid())
                .onFailure().transform(failure -> StoreErrors.translate(failure, TABLE))));
    }

    private static TestParent parent() {
        TestParent parent = TestParent.of("parent " + UUID.randomUUID(), "code " + UUID.randomUUID());
        OnVertx.await(() -> Panache.withTransaction(parent::persist));
        return parent;
    }

    @Test
    void aUniqueConstraintTheServiceNamesIsItsOwn422() {
        TestParent first = parent();
        Throwable failure = failureOf(() -> TestParent.of(first.name, "other " + UUID.randomUUID()).persistAndFlush());
        RuleViolationException violation = assertInstanceOf(RuleViolationException.class, failure);
        assertEquals(new Violation("name", "unique", "another parent has this name"), violation.violations().get(0));
    }

    @Test
    void anyOtherUniqueConstraintIsA409NamingTheConstraint() {
        TestParent first = parent();
        Throwable failure = failureOf(() -> TestParent.of("other " + UUID.randomUUID(), first.code).persistAndFlush());
        assertEquals("test_parent_code_unique", assertInstanceOf(ConflictException.class, failure).rule());
    }

    @Test
    void aCheckConstraintTheServiceNamesIsA422OnItsField() {
        UUID parent = parent().id;
        Throwable failure = failureOf(() -> TestChild.of(parent, 0, 1).persistAndFlush());
        Violation violation = assertInstanceOf(RuleViolationException.class, failure).violations().get(0);
        assertEquals("amount", violation.field());
        assertEquals("positive", violation.rule());
    }

    @Test
    void anyOtherCheckConstraintIsA422NamingTheConstraint() {
        UUID parent = parent().id;
        Throwable failure = failureOf(() -> TestChild.of(parent, 1, 99).persistAndFlush());
        Violation violation = assertInstanceOf(RuleViolationException.class, failure).violations().get(0);
        assertNull(violation.field());
        assertEquals("test_child_size_small", violation.rule());
    }

    @Test
    void aReferenceToARowThatIsGoneIsA422() {
        Throwable failure = failureOf(() -> TestChild.of(UUID.randomUUID(), 1, 1).persistAndFlush());
        assertEquals("referenced-exists",
                assertInstanceOf(RuleViolationException.class, failure).violations().get(0).rule());
    }

    @Test
    void removingARowOthersStillReferToIsA409() {
        TestParent parent = parent();
        OnVertx.await(() -> Panache.withTransaction(() -> TestChild.of(parent.id, 1, 1).persist()));
        Throwable failure = failureOf(() -> TestParent.deleteById(parent.id).call(() -> Panache.flush()));
        assertEquals("still-referenced", assertInstanceOf(ConflictException.class, failure).rule());
    }

    @Test
    void anExclusionConstraintIsA409NamingTheConstraint() {
        int start = (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000L);
        OnVertx.await(() -> Panache.withTransaction(() -> TestSlot.of(start, start + 10).persist()));
        Throwable failure = failureOf(() -> TestSlot.of(start + 5, start + 15).persistAndFlush());
        assertEquals("test_slot_no_overlap", assertInstanceOf(ConflictException.class, failure).rule());
    }

    @Test
    void aConcurrentUpdateIsA409StaleVersion() {
        TestParent parent = parent();
        OnVertx.await(() -> Panache.withTransaction(() -> TestParent.<TestParent>findById(parent.id)
                .invoke(p -> p.name = "changed " + UUID.randomUUID())));
        // The copy read before that change still has version 0: writing it is a lost update, refused.
        Throwable failure = failureOf(() -> Panache.getSession().chain(session -> session.merge(parent))
                .call(() -> Panache.flush()));
        assertEquals("stale-version", assertInstanceOf(ConflictException.class, failure).rule());
    }

    /** What the JDBC driver throws: its SQLException with the SQLState (the reactive client's has the same getter). */
    static java.sql.SQLException databaseFailure(String state) {
        return new java.sql.SQLException("ERROR: deadlock detected (" + state + ")", state);
    }

    @Test
    void aDeadlockOrSerializationFailureIsTransientWhereverItIsAmongTheCauses() {
        assertEquals(true, StoreErrors.isTransient(new RuntimeException("wrapped", databaseFailure("40P01"))));
        assertEquals(true, StoreErrors.isTransient(databaseFailure("40001")));
        assertEquals(false, StoreErrors.isTransient(databaseFailure("23505")));
        assertEquals(false, StoreErrors.isTransient(new RuntimeException("no database here")));
    }

    @Test
    void aTransientFailureNoLongerRetriedIsA409() {
        Throwable answer = StoreErrors.translate(new RuntimeException(databaseFailure("40P01")), TABLE);
        assertEquals("concurrent-change", assertInstanceOf(ConflictException.class, answer).rule());
    }
}
