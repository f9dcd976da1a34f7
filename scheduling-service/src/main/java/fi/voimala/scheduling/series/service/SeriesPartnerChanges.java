package fi.voimala.scheduling.series.service;

import fi.voimala.scheduling.calendar.HelsinkiTime;
import fi.voimala.scheduling.partner.PairCopy;
import fi.voimala.scheduling.partner.SiteCopy;
import fi.voimala.scheduling.partner.consumer.PartnerChanges;
import fi.voimala.scheduling.series.Series;
import fi.voimala.scheduling.series.repository.SeriesRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * When the register dissolves a pair or closes a site, the series resting on it end: their scheduled visits from that
 * day on are cancelled with the reason and the series is CANCELLED (events for each), so that calendars and the
 * planner show it at once. A coordinator who wants the group to go on plans a new series with another pair or site.
 */
@ApplicationScoped
public class SeriesPartnerChanges implements PartnerChanges {

    @Inject
    SeriesRepository series;
    @Inject
    SeriesService service;

    @Override
    public Uni<Void> pairDissolved(PairCopy pair) {
        String reason = "pair dissolved on " + pair.dissolvedOn + (pair.dissolveReason == null ? "" : ": " + pair.dissolveReason);
        return series.notCancelledOfPair(pair.id).chain(list -> endAll(list, pair.dissolvedOn, reason));
    }

    @Override
    public Uni<Void> siteClosed(SiteCopy site) {
        String reason = "site closed on " + site.closedOn + (site.closeReason == null ? "" : ": " + site.closeReason);
        return series.notCancelledAtSite(site.id).chain(list -> endAll(list, site.closedOn, reason));
    }

    private Uni<Void> endAll(List<Series> list, LocalDate on, String reason) {
        // Visits before the event arrived may already be held; only what is still ahead is cancelled.
        Instant from = on == null ? Instant.now() : later(HelsinkiTime.startOfDay(on), Instant.now());
        return Multi.createFrom().iterable(list).onItem().transformToUniAndConcatenate(s -> service.end(s, from, reason, reason))
                .collect().last().replaceWithVoid();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
