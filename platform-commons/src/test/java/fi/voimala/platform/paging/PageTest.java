package fi.voimala.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.platform.testapp.Db;
import fi.voimala.platform.testapp.OnVertx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Proves that a page and its count are one consistent read on the real PostgreSQL: a row committed by another
 * connection after the page query and before the count (made to happen by the entity's load hook) is in neither,
 * so {@code totalItems} always matches the items a client can page through. Also the paging arithmetic.
 */
@QuarkusTest
class PageTest {

    @Inject
    DataSource db;

    private void insert(String list, String name) {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "insert into test_list_item (id, list_name, name) values (?, ?, ?)")) {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, list);
            statement.setString(3, name);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Page<String> page(String list, int page, int size) {
        return OnVertx.await(() -> Panache.withSession(() -> Page.fetch(
                TestListItem.find("listName = ?1", new PageRequest(page, size, "name", false).toSort(), list),
                new PageRequest(page, size, "name", false), item -> ((TestListItem) item).name)));
    }

    @Test
    void aRowCommittedBetweenThePageAndItsCountIsInNeither() {
        String list = UUID.randomUUID().toString();
        insert(list, "a");
        insert(list, "b");
        insert(list, "c");
        TestListItem.whileLoading = () -> insert(list, "d"); // commits on its own connection, mid-read

        Page<String> page = page(list, 0, 10);

        assertEquals(List.of("a", "b", "c"), page.items());
        assertEquals(3, page.totalItems(), "the count must see the snapshot the page saw");
        assertEquals(4, Db.count(db, "select count(*) from test_list_item where list_name = ?", list),
                "the concurrent row did commit");
        assertEquals(4, page(list, 0, 10).totalItems(), "the next read sees it, in the page and in the count");
    }

    @Test
    void pagesCountEveryMatchAndNeverOverlap() {
        String list = UUID.randomUUID().toString();
        for (String name : List.of("e", "d", "c", "b", "a")) {
            insert(list, name);
        }
        Page<String> first = page(list, 0, 2);
        assertEquals(List.of("a", "b"), first.items());
        assertEquals(5, first.totalItems());
        assertEquals(3, first.totalPages());
        assertEquals(List.of("c", "d"), page(list, 1, 2).items());
        assertEquals(List.of("e"), page(list, 2, 2).items());
        Page<String> beyond = page(list, 3, 2);
        assertEquals(List.of(), beyond.items());
        assertEquals(5, beyond.totalItems());
    }
}
