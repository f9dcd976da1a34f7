package fi.voimala.partners.paging;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** One page of a list: the items and where they stand in the whole. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /** Runs a list query for the asked page and counts all its matches, turning each entity into its view. */
    public static <E, T> Uni<Page<T>> fetch(PanacheQuery<E> query, PageRequest request, Function<E, T> view) {
        return query.page(request.page(), request.size()).list()
                .chain(items -> query.count().map(total -> of(items.stream().map(view).toList(), request, total)));
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int pages = (int) ((totalItems + request.size() - 1) / request.size());
        return new Page<>(items, request.page(), request.size(), totalItems, pages);
    }
}
