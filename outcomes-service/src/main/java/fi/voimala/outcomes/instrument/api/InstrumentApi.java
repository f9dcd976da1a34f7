package fi.voimala.outcomes.instrument.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/** What the instruments API answers; a definition is sent and answered as its JSON (InstrumentDefinition). */
public final class InstrumentApi {

    private InstrumentApi() {
    }

    /** An imported instrument with its whole definition. */
    public record InstrumentView(UUID id, String key, int version, String name, String target, boolean textsIncluded,
                                 boolean shipped, Instant importedAt, String importedBy,
                                 @JsonRawValue String definition) {
    }
}
