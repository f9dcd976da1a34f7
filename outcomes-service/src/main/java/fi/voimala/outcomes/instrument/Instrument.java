package fi.voimala.outcomes.instrument;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * An imported instrument: one version of a definition (fi.voimala.outcomes.instrument.definition), kept as the JSON
 * it was imported as. Never changed; a completed or corrected definition is a new version.
 */
@Entity
@Table(name = "instrument")
public class Instrument {

    @Id
    public UUID id;
    public String key;
    public int version;
    /** The English name, for lists and logs. */
    public String name;
    /** PARTICIPANT or STAFF. */
    public String target;
    @Column(name = "texts_included")
    public boolean textsIncluded;
    /** The definition's JSON text, jsonb in the database (the double cast makes PostgreSQL parse the text). */
    @ColumnTransformer(read = "definition::text", write = "cast(cast(? as text) as jsonb)")
    public String definition;
    /** Shipped with the platform (loaded at start) rather than imported by an operator. */
    public boolean shipped;
    @Column(name = "imported_at")
    public Instant importedAt;
    @Column(name = "imported_by")
    public String importedBy;
}
