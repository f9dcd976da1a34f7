package fi.voimala.scheduling.feed.service;

import fi.voimala.scheduling.feed.FeedEntry;
import fi.voimala.scheduling.feed.FeedSecret;
import fi.voimala.scheduling.feed.IcsCalendar;
import fi.voimala.scheduling.feed.mapping.FeedMapper;
import fi.voimala.scheduling.feed.repository.CalendarFeedRepository;
import fi.voimala.scheduling.group.ActivityGroup;
import fi.voimala.scheduling.group.repository.GroupRepository;
import fi.voimala.scheduling.partner.repository.ProfessionalCopyRepository;
import fi.voimala.scheduling.partner.repository.SiteCopyRepository;
import fi.voimala.scheduling.series.Series;
import fi.voimala.scheduling.series.repository.SeriesRepository;
import fi.voimala.scheduling.visit.Visit;
import fi.voimala.scheduling.visit.VisitStatus;
import fi.voimala.scheduling.visit.repository.VisitRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public side of a calendar feed: the secret address answers the professional's visits as iCalendar, from 90 days
 * back to all that are planned, cancelled ones marked so (a calendar app then removes or strikes them). An unknown or
 * revoked secret is 404, the same answer for both, so the address reveals nothing.
 */
@ApplicationScoped
public class PublicFeedService {

    /** How far back a feed reaches: a quarter, so that recent sessions stay in the calendar for reporting. */
    static final Duration HISTORY = Duration.ofDays(90);
    /** What FeedSecret makes: 43 characters of base64url. Anything else cannot be a feed; no need to look. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final List<String> SHOWN = Stream.of(VisitStatus.SCHEDULED, VisitStatus.HELD, VisitStatus.MISSED,
            VisitStatus.CANCELLED).map(Enum::name).toList();

    @Inject
    CalendarFeedRepository feeds;
    @Inject
    VisitRepository visits;
    @Inject
    SeriesRepository series;
    @Inject
    GroupRepository groups;
    @Inject
    SiteCopyRepository sites;
    @Inject
    ProfessionalCopyRepository professionals;
    @Inject
    IcsCalendar ics;

    @WithSession
    public Uni<String> render(String secret) {
        if (secret == null || !SECRET.matcher(secret).matches()) {
            return Uni.createFrom().failure(unknownFeed());
        }
        return feeds.findActiveByHash(FeedSecret.hash(secret))
                .onItem().ifNull().failWith(PublicFeedService::unknownFeed)
                .chain(feed -> professionals.findById(feed.professionalId).chain(person ->
                        entries(feed.professionalId, Instant.now().minus(HISTORY))
                                .map(entries -> ics.render(FeedMapper.calendarName(person), entries))));
    }

    /** The professional's visits from {@code from} on, in time order, with everything their entries name. */
    private Uni<List<FeedEntry>> entries(UUID professionalId, Instant from) {
        return visits.list("(artsProfessionalId = ?1 or careProfessionalId = ?1) and startsAt >= ?2 and status in ?3"
                        + " order by startsAt, id", professionalId, from, SHOWN)
                .chain(list -> {
                    if (list.isEmpty()) {
                        return Uni.createFrom().item(List.<FeedEntry>of());
                    }
                    Set<UUID> seriesIds = list.stream().map(v -> v.seriesId).collect(Collectors.toSet());
                    Set<UUID> people = list.stream().flatMap(v -> Stream.of(v.artsProfessionalId, v.careProfessionalId))
                            .collect(Collectors.toSet());
                    return byId(series.list("id in ?1", seriesIds), s -> s.id).chain(seriesOf ->
                            byId(groups.list("id in ?1", seriesOf.values().stream().map(s -> s.groupId).collect(Collectors.toSet())), g -> g.id)
                            .chain(groupOf -> byId(sites.list("id in ?1", list.stream().map(v -> v.siteId).collect(Collectors.toSet())), s -> s.id)
                            .chain(siteOf -> byId(professionals.list("id in ?1", people), p -> p.id)
                            .chain(personOf -> sessionNumbers(seriesIds).map(number -> list.stream().map(v -> {
                                Series s = seriesOf.get(v.seriesId);
                                ActivityGroup group = s == null ? null : groupOf.get(s.groupId);
                                return FeedMapper.toEntry(v, s, group == null ? null : group.name, siteOf.get(v.siteId),
                                        personOf.get(v.artsProfessionalId), personOf.get(v.careProfessionalId),
                                        number.getOrDefault(v.id, 0));
                            }).toList())))));
                });
    }

    /**
     * Each visit's place in its series ("session 4 of 20"): its position among the series' visits that are not
     * cancelled, in time order, so that moves and make-up sessions keep the numbers running.
     */
    private Uni<Map<UUID, Integer>> sessionNumbers(Collection<UUID> seriesIds) {
        return visits.getSession().chain(session -> session.createSelectionQuery(
                        "select id, seriesId from Visit where seriesId in :series and status <> :cancelled"
                                + " order by seriesId, startsAt, id", Object[].class)
                .setParameter("series", seriesIds).setParameter("cancelled", VisitStatus.CANCELLED.name())
                .getResultList())
                .map(rows -> {
                    Map<UUID, Integer> number = new HashMap<>();
                    Map<UUID, Integer> counted = new HashMap<>();
                    for (Object[] row : rows) {
                        number.put((UUID) row[0], counted.merge((UUID) row[1], 1, Integer::sum));
                    }
                    return number;
                });
    }

    private static <T> Uni<Map<UUID, T>> byId(Uni<List<T>> rows, Function<T, UUID> id) {
        return rows.map(list -> list.stream().collect(Collectors.toMap(id, Function.identity())));
    }

    private static NotFoundException unknownFeed() {
        return new NotFoundException("no such calendar feed");
    }
}
