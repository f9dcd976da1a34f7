package fi.voimala.platform.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A time slot; an exclusion constraint keeps two slots from overlapping. */
@Entity
@Table(name = "test_slot")
public class TestSlot extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "start_at")
    public int startAt;
    @Column(name = "end_at")
    public int endAt;

    static TestSlot of(int startAt, int endAt) {
        TestSlot slot = new TestSlot();
        slot.id = UUID.randomUUID();
        slot.startAt = startAt;
        slot.endAt = endAt;
        return slot;
    }
}
