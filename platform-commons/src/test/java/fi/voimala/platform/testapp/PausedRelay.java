package fi.voimala.platform.testapp;

import fi.voimala.platform.outbox.OutboxRelay;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Lets a test drive the outbox relay tick by tick: pauses the scheduled relay, lets a tick already under way finish,
 * and relays what earlier tests left unpublished, so that the test's own rows are the only ones a relay claims.
 */
@ApplicationScoped
public class PausedRelay {

    private static final String RELAY_JOB = "voimala-outbox-relay";

    @Inject
    Scheduler scheduler;

    @Inject
    OutboxRelay relay;

    public void pause() throws InterruptedException {
        scheduler.pause(RELAY_JOB);
        Thread.sleep(500); // a tick already under way finishes
        OnVertx.await(() -> relay.relay());
    }

    public void resume() {
        scheduler.resume(RELAY_JOB);
    }
}
