package fi.voimala.outcomes.measurement.service;

import fi.voimala.outcomes.events.MeasurementErasedEventData;
import fi.voimala.outcomes.events.OutcomeEvents;
import fi.voimala.outcomes.measurement.repository.MeasurementRepository;
import fi.voimala.outcomes.outcome.service.OutcomeBook;
import fi.voimala.outcomes.session.repository.ParticipantCopyRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Erases a participant here when sessions-service says they were erased: their measurements, their paired changes
 * (taken out of their series' sums, which are published again), their presence in the copies of session records,
 * the events in the outbox that named them, and their copy; each measurement's erasure is an event with ids only. What stays is the series' outcome without them. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class ParticipantErasure {

    /** The events that named them (their measurements'), sent or not: the erasure events below take their place. */
    static final String MENTIONING_EVENTS = "delete from outbox_event where subject = :id"
            + " or strpos(cast(payload as text), :id) > 0";

    /** Their series counts them no more: one participant fewer, and their attendances gone. */
    static final String UNTALLIED = "update series_attendance a set participants = participants - 1,"
            + " attendances = attendances - (select count(*) from session_record_copy r where r.held"
            + " and r.series_id = p.series_id and p.id = any(r.participant_ids))"
            + " from participant_copy p where p.id = :id and a.series_id = p.series_id";

    @Inject
    MeasurementRepository measurements;
    @Inject
    ParticipantCopyRepository participants;
    @Inject
    OutcomeBook outcomes;
    @Inject
    OutcomeEvents events;

    private record SeriesInstrument(UUID seriesId, String instrumentKey) {
    }

    public Uni<Void> erase(UUID participantId) {
        return outcomes.lockSubject(participantId)
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(MENTIONING_EVENTS)
                        .setParameter("id", participantId.toString()).executeUpdate()))
                .chain(() -> measurements.list("participantId", participantId))
                .chain(found -> {
                    Set<SeriesInstrument> touched = new LinkedHashSet<>();
                    found.forEach(m -> touched.add(new SeriesInstrument(m.seriesId, m.instrumentKey)));
                    return Multi.createFrom().iterable(found)
                            .onItem().transformToUniAndConcatenate(m -> events.record(OutcomeEvents.MEASUREMENT_ERASED,
                                    m.id, new MeasurementErasedEventData(m.id, m.seriesId, participantId)))
                            .collect().last()
                            .chain(() -> measurements.delete("participantId", participantId))
                            .chain(() -> measurements.flush())
                            .chain(() -> Multi.createFrom().iterable(touched)
                                    .onItem().transformToUniAndConcatenate(t -> outcomes
                                            .subjectChanged(t.seriesId(), t.instrumentKey(), participantId, "PARTICIPANT")
                                            .chain(changed -> changed.isEmpty() ? Uni.createFrom().voidItem()
                                                    : outcomes.publish(t.seriesId(), t.instrumentKey())))
                                    .collect().last());
                })
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(UNTALLIED)
                        .setParameter("id", participantId).executeUpdate()))
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "update session_record_copy set participant_ids = array_remove(participant_ids, :id)"
                                        + " where :id = any(participant_ids)")
                        .setParameter("id", participantId).executeUpdate()))
                .chain(() -> participants.deleteById(participantId))
                .replaceWithVoid();
    }
}
