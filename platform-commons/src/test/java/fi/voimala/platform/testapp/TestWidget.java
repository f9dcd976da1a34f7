package fi.voimala.platform.testapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A stand-in for a service's aggregate: the change whose event the outbox must publish exactly when it commits. */
@Entity
@Table(name = "test_widget")
public class TestWidget extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
}
