package fi.voimala.platform.inbox;

/**
 * An event that can never be applied, however often it is retried: its data breaks a rule that no later state can
 * make hold. {@link EventConsumer} dead-letters the message (to {@code <topic>-dlq}, with this exception's message as
 * the {@code dead-letter-reason} header) instead of retrying it, and the partition moves on.
 *
 * <p>Throw it (or fail the effect's {@code Uni} with it) only when a retry cannot help; a failure that may pass (the
 * database briefly down, a lock conflict, a row that is not there yet) must be any other exception, so that the event
 * is retried and the consumer's copy does not silently diverge. The message is read by an operator deciding whether
 * to replay the dead letter: write it as a sentence that names the event and the broken rule.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
