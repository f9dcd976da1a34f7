package fi.voimala.scheduling.visit.service;

import fi.voimala.scheduling.calendar.TimeSlot;
import fi.voimala.scheduling.calendar.SlotCheck;
import fi.voimala.scheduling.visit.ProfessionalBooking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What planning a pair's visits at a site must respect, read once for a stretch of time: the two professionals'
 * bookings (visits and absences) and, at a hospital ward, the windows the hospital has published as open. Planning then
 * runs in memory; the database's exclusion constraint still has the last word when the visits are written.
 */
public final class PlanningContext {

    private final List<ProfessionalBooking> bookings;
    private final List<TimeSlot> wardWindows;
    private final boolean ward;
    private final Set<UUID> ignoredVisits;

    PlanningContext(List<ProfessionalBooking> bookings, boolean ward, List<TimeSlot> wardWindows, Set<UUID> ignoredVisits) {
        this.bookings = new ArrayList<>(bookings);
        this.ward = ward;
        this.wardWindows = wardWindows;
        this.ignoredVisits = ignoredVisits;
    }

    /** The pair's visit that overlaps this slot, if any (visits being moved themselves do not count). */
    public Optional<ProfessionalBooking> visitClash(TimeSlot slot) {
        return bookings.stream().filter(b -> b.visitId != null && !ignoredVisits.contains(b.visitId))
                .filter(b -> overlaps(b, slot)).findFirst();
    }

    /** An absence of either professional that overlaps this slot, if any. */
    public Optional<ProfessionalBooking> absence(TimeSlot slot) {
        return bookings.stream().filter(b -> b.absenceId != null).filter(b -> overlaps(b, slot)).findFirst();
    }

    /** At a ward: whether one published open window holds the whole slot. Elsewhere always open. */
    public boolean wardOpen(TimeSlot slot) {
        return !ward || wardWindows.stream().anyMatch(w -> !w.start().isAfter(slot.start()) && !w.end().isBefore(slot.end()));
    }

    public boolean isWard() {
        return ward;
    }

    /** Creating a series: absences and closed ward windows are skipped like holidays (the series is extended). */
    public SlotCheck forPlanning() {
        return (date, slot) -> absence(slot).map(a -> "a professional is absent")
                .or(() -> wardOpen(slot) ? Optional.empty() : Optional.of("the ward is not open for groups"));
    }

    /** Rescheduling: also the pair's other visits are skipped, since the visit moves to the next free slot. */
    public SlotCheck forRescheduling() {
        SlotCheck planning = forPlanning();
        return (date, slot) -> planning.unusable(date, slot)
                .or(() -> visitClash(slot).map(b -> "the pair has another visit then"));
    }

    /** Remembers a slot just given to a visit, so that the next slots planned in this context avoid it. */
    public void book(UUID visitId, UUID professionalId, TimeSlot slot) {
        ProfessionalBooking booking = new ProfessionalBooking();
        booking.visitId = visitId;
        booking.professionalId = professionalId;
        booking.startsAt = slot.start();
        booking.endsAt = slot.end();
        bookings.add(booking);
    }

    /** Forgets the bookings of a visit that is moving (its old time becomes free). */
    public void release(UUID visitId) {
        bookings.removeIf(b -> visitId.equals(b.visitId));
    }

    private static boolean overlaps(ProfessionalBooking booking, TimeSlot slot) {
        Instant start = slot.start();
        Instant end = slot.end();
        return booking.startsAt.isBefore(end) && booking.endsAt.isAfter(start);
    }
}
