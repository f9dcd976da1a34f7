package fi.voimala.outcomes.instrument.repository;

import fi.voimala.outcomes.instrument.Instrument;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class InstrumentRepository implements PanacheRepositoryBase<Instrument, UUID> {

    public Uni<Instrument> findByKeyAndVersion(String key, int version) {
        return find("key = ?1 and version = ?2", key, version).firstResult();
    }

    /** The newest version of an instrument, or null. */
    public Uni<Instrument> findNewest(String key) {
        return find("key = ?1 order by version desc", key).firstResult();
    }
}
