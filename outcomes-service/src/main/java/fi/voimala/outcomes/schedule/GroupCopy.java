package fi.voimala.outcomes.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** This service's copy of an activity group (from visit-events): its target group counts the people reached. */
@Entity
@Table(name = "group_copy")
public class GroupCopy {

    @Id
    public UUID id;
    public long version;
    @Column(name = "site_id")
    public UUID siteId;
    public String name;
    /** HOME_DWELLING_ELDERLY, DAY_GROUP_CLIENTS, ... (scheduling's target groups). */
    @Column(name = "target_group")
    public String targetGroup;
    public int size;
}
