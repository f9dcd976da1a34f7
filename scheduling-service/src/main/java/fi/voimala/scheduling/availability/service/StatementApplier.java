package fi.voimala.scheduling.availability.service;

import fi.voimala.platform.inbox.PoisonEventException;
import fi.voimala.platform.inbox.ReceivedEvent;
import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.scheduling.availability.AppliedStatement;
import fi.voimala.scheduling.availability.Availability;
import fi.voimala.scheduling.availability.WardStatement;
import fi.voimala.scheduling.availability.WardStatement.Fields;
import fi.voimala.scheduling.events.WardAvailabilityEventData;
import fi.voimala.scheduling.availability.repository.AppliedStatementRepository;
import fi.voimala.scheduling.availability.repository.WardCalendarRepository;
import fi.voimala.scheduling.calendar.TimeSlot;
import fi.voimala.scheduling.partner.SiteCopy;
import fi.voimala.scheduling.partner.repository.SiteCopyRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies one statement from topic ward-availability, in the consumer's transaction: it is kept (its id is the
 * event's), the ward's open time grows (AVAILABLE) or shrinks (UNAVAILABLE), and after a closure the ward's scheduled
 * visits in the closed window move to the next free date of their series' rhythm or are cancelled ({@link Rescheduler}),
 * each change an event on visit-events. Applying the same closure again changes nothing: its visits have moved out.
 * A statement that breaks the door's rules, or names no open ward of its hospital, can never apply: dead-lettered.
 */
@ApplicationScoped
public class StatementApplier {

    private static final Logger LOG = Logger.getLogger(StatementApplier.class);

    @Inject
    SiteCopyRepository sites;
    @Inject
    AppliedStatementRepository statements;
    @Inject
    WardCalendarRepository calendar;
    @Inject
    Rescheduler rescheduler;

    public Uni<Void> apply(ReceivedEvent<WardAvailabilityEventData> event) {
        WardAvailabilityEventData data = event.data();
        // The same rules as the HTTP door: a hospital's integration engine may publish on the topic directly.
        List<Violation> broken = WardStatement.violations(data.wardCode(), data.from(), data.to(), data.state(),
                data.reason(), Fields.JSON);
        if (!broken.isEmpty()) {
            return Uni.createFrom().failure(new PoisonEventException(describe(event) + " breaks the rules of a statement: "
                    + broken.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "))));
        }
        return sites.findOpenWard(data.hospitalOrganisationId(), data.wardCode())
                .onItem().ifNull().failWith(() -> new PoisonEventException(describe(event) + " names ward '"
                        + data.wardCode() + "' of organisation " + data.hospitalOrganisationId() + ", which is no open"
                        + " hospital ward in scheduling's copy of the partner register; replay it once the register has"
                        + " the ward"))
                .chain(ward -> keep(event, ward).chain(() -> data.state() == Availability.AVAILABLE
                        ? calendar.open(ward.id, data.from(), data.to())
                        : calendar.close(ward.id, data.from(), data.to()).chain(() -> rescheduleAfterClosure(event, ward))));
    }

    private Uni<Void> keep(ReceivedEvent<WardAvailabilityEventData> event, SiteCopy ward) {
        WardAvailabilityEventData data = event.data();
        AppliedStatement applied = new AppliedStatement();
        applied.id = UUID.fromString(event.id());
        applied.siteId = ward.id;
        applied.hospitalOrganisationId = data.hospitalOrganisationId();
        applied.wardCode = ward.wardCode;
        applied.startsAt = data.from();
        applied.endsAt = data.to();
        applied.state = data.state().name();
        applied.reason = data.reason();
        applied.receivedAt = Instant.now();
        // Flushed now: the calendar's native update and the rescheduling queries come next in this transaction.
        return statements.persist(applied).call(() -> statements.flush()).replaceWithVoid();
    }

    /**
     * Visits that have already begun are left as they are (sessions-service records whether they were held): only
     * the part of the closure from now on moves visits, and only forward in time.
     */
    private Uni<Void> rescheduleAfterClosure(ReceivedEvent<WardAvailabilityEventData> event, SiteCopy ward) {
        WardAvailabilityEventData data = event.data();
        Instant now = Instant.now();
        if (!data.to().isAfter(now)) {
            return Uni.createFrom().voidItem();
        }
        TimeSlot closed = new TimeSlot(data.from().isAfter(now) ? data.from() : now, data.to());
        long started = System.nanoTime();
        return rescheduler.wardClosed(ward, closed, data.reason()).invoke(outcome -> {
            if (outcome.moved() + outcome.cancelled() > 0) {
                LOG.infof("Ward %s (site %s) closed %s - %s by event %s: %d visits moved, %d cancelled, in %d ms",
                        ward.wardCode, ward.id, data.from(), data.to(), event.id(), outcome.moved(), outcome.cancelled(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }).replaceWithVoid();
    }

    private static String describe(ReceivedEvent<?> event) {
        return "Ward availability event " + event.id() + " (" + event.type() + ", subject " + event.subject() + ")";
    }
}
