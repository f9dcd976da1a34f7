package fi.voimala.scheduling.group;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An activity group (toimintaryhmä): people who meet at a site, for whom a pair runs a series of workshops. */
@Entity
@Table(name = "activity_group")
public class ActivityGroup {

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "site_id")
    public UUID siteId;
    public String name;
    @Column(name = "target_group")
    public String targetGroup;
    public int size;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] needs = new String[0];
    @Column(name = "contact_name")
    public String contactName;
    @Column(name = "contact_phone")
    public String contactPhone;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
