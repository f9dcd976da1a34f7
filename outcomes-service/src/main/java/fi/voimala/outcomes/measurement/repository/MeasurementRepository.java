package fi.voimala.outcomes.measurement.repository;

import fi.voimala.outcomes.measurement.Measurement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<Measurement, UUID> {

    /** One person's measurements with one instrument in a series: what their paired changes are made of. */
    public Uni<List<Measurement>> ofSubject(UUID seriesId, String instrumentKey, UUID subjectId) {
        return list("seriesId = ?1 and instrumentKey = ?2 and (participantId = ?3 or staffProfessionalId = ?3)",
                seriesId, instrumentKey, subjectId);
    }
}
