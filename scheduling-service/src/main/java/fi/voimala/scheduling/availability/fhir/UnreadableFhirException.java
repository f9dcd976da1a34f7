package fi.voimala.scheduling.availability.fhir;

import fi.voimala.scheduling.availability.UnreadableBodyException;

/**
 * A FHIR body that cannot be read (not JSON, not FHIR R4, an element FHIR does not know, an instant without a time
 * zone): 400 {@code unreadable-input}, like an unreadable JSON body on the JSON door. {@code field} is null when the
 * problem is the body as a whole.
 */
public class UnreadableFhirException extends UnreadableBodyException {

    public UnreadableFhirException(String field, String rule, String message) {
        super(field, rule, message);
    }
}
