package fi.voimala.scheduling.availability;

import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.WardStatementRequest;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.WardStatementsRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A hospital's statement that its ward {@code wardCode} (the hospital's own code) can, or cannot, host group activity
 * from {@code from} to {@code to}: the one form both doors (our JSON, FHIR Slots) produce. Build it with
 * {@link #validated}, which checks the rules and reports every broken one at once, each named by the door's field path.
 */
public record WardStatement(String wardCode, Instant from, Instant to, Availability state, String reason) {

    /** The pattern partners-service accepts for a site's ward code, so that a statement can name any registered ward. */
    public static final Pattern WARD_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,29}");
    public static final int WARD_CODE_MAX = 30;
    public static final int REASON_MAX = 500;
    /** Longer windows are almost surely a typo in the year; a ward's situation a year ahead is not known anyway. */
    public static final Duration MAX_LENGTH = Duration.ofDays(366);
    /** At most this many statements in one request, whichever door. */
    public static final int STATEMENTS_MAX = 500;

    /**
     * How one door names a statement's fields, and where the statement is in the body ({@code prefix}:
     * "" for a body that is one statement, "statements[2]." or "entry[2].resource." for one of many).
     */
    public record Fields(String prefix, String wardCode, String from, String to, String state, String reason) {

        public static final Fields JSON = new Fields("", "wardCode", "from", "to", "state", "reason");
        public static final Fields FHIR = new Fields("", "schedule.identifier.value", "start", "end", "status", "comment");

        public Fields under(String path) {
            return new Fields(path + "." + prefix, wardCode, from, to, state, reason);
        }

        public String path(String field) {
            return prefix + field;
        }
    }

    /** The statement, if it keeps every rule; else a RuleViolationException listing all it breaks. */
    public static WardStatement validated(String wardCode, Instant from, Instant to, Availability state, String reason,
                                          Fields fields) {
        List<Violation> violations = violations(wardCode, from, to, state, reason, fields);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return new WardStatement(wardCode, from, to, state, reason);
    }

    /**
     * The JSON door, a body of one statement: fields named as sent ("to"). A missing body is the resource's to answer
     * (@NotNull on the parameter: 400 body-required), so null here is a bug.
     */
    public static WardStatement validated(WardStatementRequest request) {
        Objects.requireNonNull(request, "request");
        return validated(request.wardCode(), instant(request.from()), instant(request.to()), request.state(),
                request.reason(), Fields.JSON);
    }

    /** The JSON door, a body of several statements: fields named "statements[2].to"; all or none are accepted. */
    public static List<WardStatement> validated(WardStatementsRequest request) {
        List<WardStatementRequest> statements = Objects.requireNonNull(request, "request").statements();
        if (statements == null || statements.isEmpty()) {
            throw new RuleViolationException("statements", "not-empty", "must list at least one statement");
        }
        if (statements.size() > STATEMENTS_MAX) {
            throw new RuleViolationException("statements", "size",
                    "at most " + STATEMENTS_MAX + " statements in one request, not " + statements.size());
        }
        List<Violation> violations = new ArrayList<>();
        List<WardStatement> valid = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            WardStatementRequest one = statements.get(i);
            if (one == null) {
                violations.add(new Violation("statements[" + i + "]", "not-null", "must be a statement, not null"));
                continue;
            }
            List<Violation> ofThis = violations(one.wardCode(), instant(one.from()), instant(one.to()), one.state(),
                    one.reason(), Fields.JSON.under("statements[" + i + "]"));
            violations.addAll(ofThis);
            if (ofThis.isEmpty()) {
                valid.add(new WardStatement(one.wardCode(), instant(one.from()), instant(one.to()), one.state(), one.reason()));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return List.copyOf(valid);
    }

    /** Every rule the statement breaks, in the order of its fields; empty when it keeps them all. */
    public static List<Violation> violations(String wardCode, Instant from, Instant to, Availability state, String reason,
                                             Fields fields) {
        List<Violation> violations = new ArrayList<>();
        String ward = fields.path(fields.wardCode());
        if (wardCode == null || wardCode.isBlank()) {
            violations.add(new Violation(ward, "not-blank", "the hospital's code of the ward is required"));
        } else if (wardCode.length() > WARD_CODE_MAX) {
            violations.add(new Violation(ward, "size", "at most " + WARD_CODE_MAX + " characters, not " + wardCode.length()));
        } else if (!WARD_CODE.matcher(wardCode).matches()) {
            violations.add(new Violation(ward, "pattern",
                    "letters A-Z, digits, space . _ - (starting with a letter or digit), not '" + wardCode + "'"));
        }
        if (from == null) {
            violations.add(new Violation(fields.path(fields.from()), "not-null", "the start of the window is required"));
        }
        String toPath = fields.path(fields.to());
        if (to == null) {
            violations.add(new Violation(toPath, "not-null", "the end of the window is required"));
        } else if (from != null && !to.isAfter(from)) {
            violations.add(new Violation(toPath, "after-from", "must be after " + fields.from() + " (" + from + "), not " + to));
        } else if (from != null && Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
            violations.add(new Violation(toPath, "max-length", "the window may be at most " + MAX_LENGTH.toDays()
                    + " days long, not " + Duration.between(from, to).toDays() + " days"));
        }
        if (state == null) {
            violations.add(new Violation(fields.path(fields.state()), "not-null", "whether the ward is available is required"));
        }
        if (reason != null && reason.length() > REASON_MAX) {
            violations.add(new Violation(fields.path(fields.reason()), "size",
                    "at most " + REASON_MAX + " characters, not " + reason.length()));
        }
        return violations;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
