package fi.voimala.scheduling.availability;

import fi.voimala.scheduling.availability.WardStatement.Fields;

/**
 * A statement as read from a request, with how its fields are named there ({@code statements[2].wardCode},
 * {@code entry[2].resource.schedule.identifier.value}), so that a rule checked after reading (the ward is the caller's)
 * names the field the client sent.
 */
public record SentStatement(WardStatement statement, Fields fields) {

    /** The path of the ward code in the request body. */
    public String wardCodeField() {
        return fields.path(fields.wardCode());
    }
}
