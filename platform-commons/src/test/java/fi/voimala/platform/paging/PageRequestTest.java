package fi.voimala.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import io.quarkus.panache.common.Sort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the paging, sorting and filter rules every list shares (plain JUnit): defaults, limits, the sort names a
 * list offers, and that every malformed value is a 422 naming the query parameter, never a silent default.
 */
class PageRequestTest {

    static final Map<String, String> SORTABLE = Map.of("name", "name", "since", "memberSince");

    enum Colour { RED, GREEN }

    private static Violation violationOf(Runnable call) {
        return assertThrows(RuleViolationException.class, call::run).violations().get(0);
    }

    @Test
    void defaultsToTheFirstPageOfTwentyInTheListsOwnOrder() {
        assertEquals(new PageRequest(0, 20, "name", false), PageRequest.of(null, " ", null, SORTABLE, "name"));
        assertEquals(new PageRequest(2, 5, "memberSince", true), PageRequest.of("2", "5", "-since", SORTABLE, "name"));
    }

    @Test
    void sortsByTheAskedFieldThenById() {
        var columns = PageRequest.of("0", "5", "-since", SORTABLE, "name").toSort().getColumns();
        assertEquals(List.of("memberSince", "id"), columns.stream().map(Sort.Column::getName).toList());
        assertEquals(Sort.Direction.Descending, columns.get(0).getDirection());
    }

    @Test
    void malformedOrOutOfRangeValuesNameTheParameter() {
        assertEquals("page", violationOf(() -> PageRequest.of("-1", null, null, SORTABLE, "name")).field());
        assertEquals("size", violationOf(() -> PageRequest.of(null, "101", null, SORTABLE, "name")).field());
        assertEquals("size", violationOf(() -> PageRequest.of(null, "0", null, SORTABLE, "name")).field());
        assertEquals("format", violationOf(() -> PageRequest.of("x", null, null, SORTABLE, "name")).rule());
        Violation sort = violationOf(() -> PageRequest.of(null, null, "colour", SORTABLE, "name"));
        assertEquals("sort", sort.field());
        assertEquals("known-value", sort.rule());
        assertTrue(sort.message().contains("name, since"), sort.message());
    }

    @Test
    void filtersAreReadStrictly() {
        assertEquals(Colour.RED, QueryParams.enumValue(Colour.class, "colour", "RED"));
        assertEquals("known-value", violationOf(() -> QueryParams.enumValue(Colour.class, "colour", "red")).rule());
        assertEquals(Boolean.FALSE, QueryParams.bool("active", "false"));
        assertEquals("active", violationOf(() -> QueryParams.bool("active", "yes")).field());
        assertEquals("format", violationOf(() -> QueryParams.id("organisationId", "42")).rule());
    }

    @Test
    void aFilterJoinsTheGivenClausesOnlyAndEscapesTheTextPattern() {
        Filter filter = new Filter().where("a = :a", "a", null).where("b = :b", "b", 1).containsText("50%_x", "name");
        assertEquals("b = :b and (lower(name) like :text)", filter.query());
        assertEquals("%50\\%\\_x%", filter.parameters().map().get("text"));
        assertEquals("1 = 1", new Filter().query());
    }
}
