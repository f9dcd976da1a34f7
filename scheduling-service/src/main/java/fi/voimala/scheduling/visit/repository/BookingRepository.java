package fi.voimala.scheduling.visit.repository;

import fi.voimala.scheduling.visit.ProfessionalBooking;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<ProfessionalBooking, UUID> {

    /** The bookings of these professionals that overlap [from, to), in time order. */
    public Uni<List<ProfessionalBooking>> overlapping(Collection<UUID> professionals, Instant from, Instant to) {
        return list("professionalId in ?1 and startsAt < ?3 and endsAt > ?2 order by startsAt", professionals, from, to);
    }

    public Uni<Long> deleteOfVisit(UUID visitId) {
        return delete("visitId", visitId);
    }

    public Uni<List<ProfessionalBooking>> ofVisit(UUID visitId) {
        return list("visitId", visitId);
    }
}
