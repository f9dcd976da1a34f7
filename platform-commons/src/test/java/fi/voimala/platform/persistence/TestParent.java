package fi.voimala.platform.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A row others refer to, with two unique columns: one a service names in its table, one it does not. */
@Entity
@Table(name = "test_parent")
public class TestParent extends PanacheEntityBase {
    @Id
    public UUID id;
    @Version
    public long version;
    public String name;
    public String code;

    static TestParent of(String name, String code) {
        TestParent parent = new TestParent();
        parent.id = UUID.randomUUID();
        parent.name = name;
        parent.code = code;
        return parent;
    }
}
