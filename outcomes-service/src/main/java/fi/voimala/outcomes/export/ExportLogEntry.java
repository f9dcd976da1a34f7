package fi.voimala.outcomes.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One research export: who took what out of the service, when. Append-only (the database refuses changes). */
@Entity
@Table(name = "export_log")
public class ExportLogEntry {

    @Id
    public UUID id;
    public Instant at;
    public String actor;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_organisation")
    public String actorOrganisation;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "actor_roles")
    public String[] actorRoles = new String[0];
    /** long, wide or codebook. */
    public String kind;
    /** The filters as given, e.g. "instrumentKey=ucla-3 seriesId=…". */
    public String filters;
    @Column(name = "rows_exported")
    public int rowsExported;
}
