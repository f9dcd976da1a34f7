package fi.voimala.scheduling.availability.repository;

import fi.voimala.scheduling.calendar.TimeSlot;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Each ward's open time as one PostgreSQL multirange ({@code ward_calendar.available}): an AVAILABLE statement adds
 * its window, an UNAVAILABLE one subtracts it, in the order they arrive, so a later statement overrides an earlier
 * one where they overlap. A ward with no row has published nothing and is open for nothing.
 */
@ApplicationScoped
public class WardCalendarRepository {

    private static final String RANGE = "tstzrange(cast(:from as timestamptz), cast(:to as timestamptz), '[)')";

    public Uni<Void> open(UUID siteId, Instant from, Instant to) {
        return update("insert into ward_calendar (site_id, available, updated_at) values (:site, tstzmultirange(" + RANGE
                + "), now()) on conflict (site_id) do update set available = ward_calendar.available + excluded.available,"
                + " updated_at = now()", siteId, from, to);
    }

    public Uni<Void> close(UUID siteId, Instant from, Instant to) {
        return update("insert into ward_calendar (site_id, available, updated_at) values (:site, '{}', now())"
                + " on conflict (site_id) do update set available = ward_calendar.available - tstzmultirange(" + RANGE
                + "), updated_at = now()", siteId, from, to);
    }

    /** The ward's open windows that overlap [from, to), whole (not cut to the interval), in time order. */
    public Uni<List<TimeSlot>> openWindows(UUID siteId, Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select lower(r), upper(r) from ward_calendar, unnest(available) r where site_id = :site and r && "
                                + RANGE + " order by lower(r)", Object[].class)
                .setParameter("site", siteId).setParameter("from", utc(from)).setParameter("to", utc(to))
                .getResultList())
                .map(rows -> rows.stream().map(row -> new TimeSlot(instant(row[0]), instant(row[1]))).toList());
    }

    private Uni<Void> update(String sql, UUID siteId, Instant from, Instant to) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("site", siteId).setParameter("from", utc(from)).setParameter("to", utc(to))
                .executeUpdate()).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        } else if (value instanceof Instant instant) {
            return instant;
        } else if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        } else if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time value " + value + " (" + (value == null ? "null" : value.getClass()) + ")");
    }
}
