package fi.voimala.sessions.audit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.voimala.platform.testing.TestTokens;
import fi.voimala.sessions.support.Network;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log of participant data: only a coordinator reads it, filtered by participant, series, actor, action and
 * date; the API offers no way to change it, and the database itself refuses a delete or a rewrite of an entry (the
 * one update it allows is erasure taking a participant's id out of an entry).
 */
@QuarkusTest
class AuditLogTest {

    @Inject
    DataSource db;

    Network network;
    UUID participant;
    UUID series;
    UUID entry;

    @BeforeEach
    void anEntry() {
        network = new Network(db);
        participant = UUID.randomUUID();
        series = UUID.randomUUID();
        entry = UUID.randomUUID();
        network.execute("insert into audit_entry (id, at, actor, actor_subject, actor_organisation, actor_roles, action,"
                + " endpoint, participant_ids, series_id, detail) values (?, now(), 'aino.artisti', 'sub-1', ?, '{artist}',"
                + " 'READ', 'GET /api/participants', cast(? as uuid[]), ?, null)",
                entry, network.alias, "{" + participant + "," + UUID.randomUUID() + "}", series);
    }

    @Test
    void aCoordinatorFindsWhoReadAParticipantsData() {
        network.coordinator().get("/api/audit-log?participantId=" + participant).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(entry.toString()))
                .body("items[0].actor", equalTo("aino.artisti"))
                .body("items[0].actorOrganisation", equalTo(network.alias))
                .body("items[0].actorRoles", contains("artist"))
                .body("items[0].action", equalTo("READ"))
                .body("items[0].endpoint", equalTo("GET /api/participants"));
        network.coordinator().get("/api/audit-log?seriesId=" + series + "&action=READ&actor=aino.artisti").then()
                .statusCode(200).body("totalItems", equalTo(1));
        network.coordinator().get("/api/audit-log?seriesId=" + series + "&action=ERASE").then()
                .statusCode(200).body("totalItems", equalTo(0));
        network.coordinator().get("/api/audit-log?action=LOOK").then().statusCode(422)
                .body("violations[0].field", equalTo("action"));
    }

    @Test
    void nobodyElseReadsItAndNobodyChangesIt() {
        for (String role : new String[] {"org-admin", "artist", "care-professional", "researcher", "viewer", "hospital-system"}) {
            Network.as(TestTokens.token(role, network.alias)).get("/api/audit-log").then().statusCode(403);
        }
        network.coordinator().delete("/api/audit-log").then().statusCode(405);
        network.coordinator().body("{}").post("/api/audit-log").then().statusCode(405);
        network.coordinator().body("{}").put("/api/audit-log").then().statusCode(405);
    }

    @Test
    void theDatabaseRefusesToDeleteOrRewriteAnEntry() {
        IllegalStateException delete = assertThrows(IllegalStateException.class,
                () -> network.execute("delete from audit_entry where id = ?", entry));
        assertTrue(delete.getCause().getMessage().contains("append-only"), delete.getCause().getMessage());
        assertThrows(IllegalStateException.class,
                () -> network.execute("update audit_entry set actor = 'someone.else' where id = ?", entry));
        assertThrows(IllegalStateException.class, () -> network.execute(
                "update audit_entry set participant_ids = participant_ids || ? where id = ?", UUID.randomUUID(), entry));
        // Erasure may take a participant out, and only that.
        network.execute("update audit_entry set participant_ids = array_remove(participant_ids, ?) where id = ?", participant, entry);
        assertEquals(0, network.count("select count(*) from audit_entry where ? = any (participant_ids)", participant));
        assertEquals(1, network.count("select count(*) from audit_entry where id = ? and actor = 'aino.artisti'", entry));
    }
}
