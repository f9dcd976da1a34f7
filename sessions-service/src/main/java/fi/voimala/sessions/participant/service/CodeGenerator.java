package fi.voimala.sessions.participant.service;

import fi.voimala.sessions.participant.ParticipantCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** New participant codes, drawn from a SecureRandom: an unguessable code is what keeps a participant pseudonymous. */
@ApplicationScoped
public class CodeGenerator {

    /** SecureRandom is safe to share between threads. */
    private final RandomGenerator random = new SecureRandom();

    public ParticipantCode next() {
        return ParticipantCode.generate(random);
    }
}
