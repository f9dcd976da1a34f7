package fi.voimala.platform.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row with a foreign key and two check constraints: one a service names in its table, one it does not. */
@Entity
@Table(name = "test_child")
public class TestChild extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "parent_id")
    public UUID parentId;
    public int amount;
    public int size;

    static TestChild of(UUID parentId, int amount, int size) {
        TestChild child = new TestChild();
        child.id = UUID.randomUUID();
        child.parentId = parentId;
        child.amount = amount;
        child.size = size;
        return child;
    }
}
