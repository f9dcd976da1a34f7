package fi.voimala.outcomes.schedule.consumer;

import fi.voimala.platform.inbox.Copies;
import fi.voimala.platform.inbox.EventConsumer;
import fi.voimala.platform.inbox.EventHandlers;
import fi.voimala.outcomes.schedule.GroupCopy;
import fi.voimala.outcomes.schedule.SeriesCopy;
import fi.voimala.outcomes.schedule.VisitCopy;
import fi.voimala.outcomes.schedule.consumer.VisitEventData.Group;
import fi.voimala.outcomes.schedule.consumer.VisitEventData.Series;
import fi.voimala.outcomes.schedule.consumer.VisitEventData.Visit;
import fi.voimala.outcomes.schedule.repository.GroupCopyRepository;
import fi.voimala.outcomes.schedule.repository.SeriesCopyRepository;
import fi.voimala.outcomes.schedule.repository.VisitCopyRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps outcomes' copy of the schedule from visit-events: activity groups, series and visits, each replaced only by a
 * newer version (a redelivered event changes nothing). A measurement's window is reckoned from these visits.
 */
@ApplicationScoped
public class VisitEventsConsumer {

    static final String CONSUMER = "outcomes.visit-events";
    private static final String PREFIX = "fi.voimala.scheduling.";

    private final EventConsumer events;
    private final EventHandlers handlers;

    VisitEventsConsumer(EventConsumer events, GroupCopyRepository groups, SeriesCopyRepository series,
                        VisitCopyRepository visits) {
        this.events = events;
        EventHandlers.Effect<Group> group = e -> Copies.keep(groups, e.data().id(), e.data().version(),
                GroupCopy::new, g -> g.version, VisitEventsConsumer::copy, e.data()).replaceWithVoid();
        EventHandlers.Effect<Series> aSeries = e -> Copies.keep(series, e.data().id(), e.data().version(),
                SeriesCopy::new, s -> s.version, VisitEventsConsumer::copy, e.data()).replaceWithVoid();
        EventHandlers.Effect<Visit> visit = e -> Copies.keep(visits, e.data().id(), e.data().version(),
                VisitCopy::new, v -> v.version, VisitEventsConsumer::copy, e.data()).replaceWithVoid();
        EventHandlers handlers = EventHandlers.on(PREFIX + "group.created.v1", Group.class, group)
                .and(PREFIX + "group.changed.v1", Group.class, group);
        for (String happened : List.of("planned", "changed", "paused", "resumed", "cancelled")) {
            handlers = handlers.and(PREFIX + "series." + happened + ".v1", Series.class, aSeries);
        }
        for (String happened : List.of("scheduled", "moved", "cancelled", "held", "missed")) {
            handlers = handlers.and(PREFIX + "visit." + happened + ".v1", Visit.class, visit);
        }
        this.handlers = handlers;
    }

    @Incoming("visit-events")
    public Uni<Void> onVisitEvent(Message<String> message) {
        return events.consume(CONSUMER, message, handlers);
    }

    static void copy(GroupCopy to, Group from) {
        to.id = from.id();
        to.version = from.version();
        to.siteId = from.siteId();
        to.name = from.name();
        to.targetGroup = from.targetGroup();
        to.size = from.size();
    }

    static void copy(SeriesCopy to, Series from) {
        to.id = from.id();
        to.version = from.version();
        to.groupId = from.groupId();
        to.siteId = from.siteId();
        to.pairId = from.pairId();
        to.artForms = from.artForms() == null ? new String[0] : from.artForms().toArray(String[]::new);
        to.plannedSessions = from.plannedSessions();
        to.durationMinutes = from.durationMinutes();
        to.firstDate = from.firstDate();
        to.plannedEnd = from.plannedEnd();
        to.status = from.status();
    }

    static void copy(VisitCopy to, Visit from) {
        to.id = from.id();
        to.version = from.version();
        to.seriesId = from.seriesId();
        to.ordinal = from.ordinal();
        to.pairId = from.pairId();
        to.siteId = from.siteId();
        to.artsProfessionalId = from.artsProfessionalId();
        to.careProfessionalId = from.careProfessionalId();
        to.startsAt = from.startsAt();
        to.endsAt = from.endsAt();
        to.status = from.status();
    }
}
