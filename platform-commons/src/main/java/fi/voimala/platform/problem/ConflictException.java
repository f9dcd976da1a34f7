package fi.voimala.platform.problem;

/** The request is valid but clashes with the current state (a stale version, an invalid state change): 409. */
public class ConflictException extends RuntimeException {

    private final String rule;

    public ConflictException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
