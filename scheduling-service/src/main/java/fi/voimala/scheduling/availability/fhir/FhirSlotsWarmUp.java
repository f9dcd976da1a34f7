package fi.voimala.scheduling.availability.fhir;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * HAPI FHIR's first parse in a JVM takes 1-2 s (it loads the R4 model): done once at start, on a worker thread, so
 * that neither the start nor the first hospital's request waits for it (a request arriving meanwhile waits only for
 * the rest of it).
 */
@ApplicationScoped
public class FhirSlotsWarmUp {

    private static final Logger LOG = Logger.getLogger(FhirSlotsWarmUp.class);

    void warmUp(@Observes StartupEvent start) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            long begun = System.nanoTime();
            try {
                FhirSlots.warmUp();
                LOG.debugf("FHIR R4 parser ready in %d ms", (System.nanoTime() - begun) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("Warming up the FHIR parser failed; the first FHIR request will load it", e);
            }
        });
    }
}
