package fi.voimala.platform.testapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The effect of a consumed event: one row per application, so that applying an event twice would show. */
@Entity
@Table(name = "test_widget_seen")
public class TestWidgetSeen extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String consumer;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "widget_id")
    public String widgetId;
    /** The trace id of the span the effect ran in: shows whether the consumer continued the producer's trace. */
    @Column(name = "trace_id")
    public String traceId;
}
