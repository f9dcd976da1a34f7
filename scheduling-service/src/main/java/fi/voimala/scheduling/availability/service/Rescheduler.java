package fi.voimala.scheduling.availability.service;

import fi.voimala.scheduling.calendar.HelsinkiTime;
import fi.voimala.scheduling.calendar.TimeSlot;
import fi.voimala.scheduling.calendar.VisitPlanner;
import fi.voimala.scheduling.partner.SiteCopy;
import fi.voimala.scheduling.partner.repository.PairCopyRepository;
import fi.voimala.scheduling.series.mapping.SeriesMapper;
import fi.voimala.scheduling.series.repository.SeriesRepository;
import fi.voimala.scheduling.visit.Visit;
import fi.voimala.scheduling.visit.repository.VisitRepository;
import fi.voimala.scheduling.visit.service.VisitBookings;
import fi.voimala.scheduling.visit.service.VisitService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a ward's open time shrinks, each scheduled visit no longer inside an open window moves to the next free slot
 * on its series' rhythm (the pair free, the ward open, no public holiday or absence) no later than the series' planned
 * end plus {@code voimala.scheduling.reschedule-grace}, or is cancelled with the reason when none is left. Visits are
 * handled one at a time in time order, so each sees the slots the previous ones took. Every change is an event.
 */
@ApplicationScoped
public class Rescheduler {

    @Inject
    VisitRepository visits;
    @Inject
    SeriesRepository series;
    @Inject
    PairCopyRepository pairs;
    @Inject
    VisitBookings bookings;
    @Inject
    VisitService visitService;
    @Inject
    VisitPlanner planner;
    @ConfigProperty(name = "voimala.scheduling.reschedule-grace", defaultValue = "P28D")
    Period grace;

    /** What happened to the visits a closure touched. */
    public record Outcome(int moved, int cancelled) {
    }

    /** Moves or cancels the scheduled visits at this ward in [from, to) that its open windows no longer hold. */
    public Uni<Outcome> wardClosed(SiteCopy ward, TimeSlot closed, String reason) {
        int[] tally = new int[2];
        return visits.scheduledAtSiteBetween(ward.id, closed.start(), closed.end())
                .chain(affected -> Multi.createFrom().iterable(affected)
                        .onItem().transformToUniAndConcatenate(visit -> reschedule(ward, visit, reason, tally))
                        .collect().last())
                .map(ignored -> new Outcome(tally[0], tally[1]));
    }

    private Uni<Void> reschedule(SiteCopy ward, Visit visit, String reason, int[] tally) {
        return series.findById(visit.seriesId).chain(s -> pairs.findById(visit.pairId).chain(pair -> {
            LocalDate latest = s.plannedEnd.plus(grace);
            LocalDate from = HelsinkiTime.localDate(visit.startsAt);
            return bookings.context(pair.artsProfessionalId, pair.careProfessionalId, ward, visit.startsAt,
                            HelsinkiTime.startOfDay(latest.plusDays(1)), Set.of(visit.id))
                    .chain(context -> {
                        if (context.wardOpen(new TimeSlot(visit.startsAt, visit.endsAt))) {
                            return Uni.createFrom().voidItem();   // still inside another open window
                        }
                        return planner.nextFreeSlot(SeriesMapper.rhythm(s), s.firstDate, from, latest, visit.ordinal, context.forRescheduling())
                                .map(next -> {
                                    tally[0]++;
                                    TimeSlot slot = new TimeSlot(next.slot().start(),
                                            next.slot().start().plus(Duration.between(visit.startsAt, visit.endsAt)));
                                    return visitService.moveTo(visit, slot, "ward closed: " + reasonText(reason)).replaceWithVoid();
                                })
                                .orElseGet(() -> {
                                    tally[1]++;
                                    return visitService.cancelVisit(visit, "ward closed: " + reasonText(reason)
                                            + "; no free slot on the series' rhythm until " + latest);
                                });
                    });
        }));
    }

    private static String reasonText(String reason) {
        return reason == null || reason.isBlank() ? "no reason given" : reason;
    }

}
