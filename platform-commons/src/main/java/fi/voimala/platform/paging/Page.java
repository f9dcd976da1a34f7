package fi.voimala.platform.paging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** One page of a list: the items and where they stand in the whole. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /**
     * Both queries of a page see one snapshot: PostgreSQL takes a REPEATABLE READ transaction's snapshot at its
     * first query, so a row committed between the page query and the count is in neither. It must be the
     * transaction's first statement, hence only when the caller has none open yet.
     */
    static final String ONE_SNAPSHOT = "set transaction isolation level repeatable read, read only";
    /** The same for a transaction that also writes after its read (an audit entry of what was read). */
    static final String ONE_SNAPSHOT_THEN_WRITE = "set transaction isolation level repeatable read";

    /**
     * Makes the caller's open transaction read one snapshot, so that a page and its count fetched in it agree, for a
     * transaction that must also write (e.g. the audit entry of the read), where {@link #fetch} can only read in it as
     * it is. Must be the transaction's first statement.
     */
    public static Uni<Void> oneSnapshotForThisTransaction() {
        return Panache.getSession().chain(session -> session.createNativeQuery(ONE_SNAPSHOT_THEN_WRITE).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Runs a list query for the asked page and counts all its matches, in one consistent read (one snapshot,
     * {@link #ONE_SNAPSHOT}), turning each entity into its view. Inside a caller's transaction it reads in that
     * transaction instead, which has already begun and cannot change its isolation.
     */
    public static <E, T> Uni<Page<T>> fetch(PanacheQuery<E> query, PageRequest request, Function<E, T> view) {
        return Panache.currentTransaction().chain(open -> open != null
                ? read(query, request, view)
                : Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(ONE_SNAPSHOT).executeUpdate())
                        .chain(() -> read(query, request, view))));
    }

    private static <E, T> Uni<Page<T>> read(PanacheQuery<E> query, PageRequest request, Function<E, T> view) {
        return query.page(request.page(), request.size()).list()
                .chain(items -> query.count().map(total -> of(items.stream().map(view).toList(), request, total)));
    }

    /** The same page with other items in their place, e.g. the views of its entities built with data read after it. */
    public <R> Page<R> withItems(List<R> replaced) {
        return new Page<>(replaced, page, size, totalItems, totalPages);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int pages = (int) ((totalItems + request.size() - 1) / request.size());
        return new Page<>(items, request.page(), request.size(), totalItems, pages);
    }
}
