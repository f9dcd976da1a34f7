package fi.voimala.platform.paging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of a list to page through; it can run a test's hook while a page is being loaded (between the queries). */
@Entity
@Table(name = "test_list_item")
public class TestListItem extends PanacheEntityBase {

    /** Run once, while the next page's rows load: after the page query, before the count. */
    static volatile Runnable whileLoading;

    @Id
    public UUID id;
    @Column(name = "list_name")
    public String listName;
    public String name;

    @PostLoad
    void loaded() {
        Runnable hook = whileLoading;
        if (hook != null) {
            whileLoading = null;
            hook.run();
        }
    }
}
