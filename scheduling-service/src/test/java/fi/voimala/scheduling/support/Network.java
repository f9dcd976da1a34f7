package fi.voimala.scheduling.support;

import static io.restassured.RestAssured.given;

import fi.voimala.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh piece of the partner network in scheduling's own copy, written as partner-events would leave it (the
 * consumer itself is tested in PartnerEventsConsumerTest): an organisation with its Keycloak alias, its sites and
 * wards, professionals with logins, pairs; and activity groups. Every id and alias is new, so each test owns its data.
 */
public final class Network {

    public final DataSource db;
    public final UUID organisationId = UUID.randomUUID();
    public final String alias = "test-" + UUID.randomUUID().toString().substring(0, 13);

    public Network(DataSource db) {
        this.db = db;
        execute("insert into organisation_copy (id, version, name, keycloak_alias, status) values (?, 0, ?, ?, 'MEMBER')",
                organisationId, "Testiorganisaatio " + alias, alias);
    }

    public RequestSpecification coordinator() {
        return as(TestTokens.coordinator());
    }

    public RequestSpecification orgAdmin() {
        return as(TestTokens.token("org-admin", alias));
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public UUID site() {
        UUID id = UUID.randomUUID();
        execute("insert into site_copy (id, version, organisation_id, name, type, street, postal_code, city, status)"
                + " values (?, 0, ?, ?, 'SENIOR_HOUSE', 'Puijonkatu 1', '70100', 'Kuopio', 'OPEN')",
                id, organisationId, "Palvelutalo " + id.toString().substring(0, 8));
        return id;
    }

    public UUID ward(String wardCode) {
        UUID id = UUID.randomUUID();
        execute("insert into site_copy (id, version, organisation_id, name, type, hospital_name, ward_code, status)"
                + " values (?, 0, ?, ?, 'HOSPITAL_WARD', 'Harjulan sairaala', ?, 'OPEN')",
                id, organisationId, "Osasto " + wardCode, wardCode);
        return id;
    }

    /** The hospital publishes [from, to) as open for groups at this ward (as the ward-availability consumer would). */
    public void openWard(UUID wardId, Instant from, Instant to) {
        execute("insert into ward_calendar (site_id, available, updated_at) values (?, tstzmultirange(tstzrange(?, ?, '[)')), now())"
                + " on conflict (site_id) do update set available = ward_calendar.available + excluded.available",
                wardId, Timestamp.from(from), Timestamp.from(to));
    }

    /** A professional of this organisation whose login is {@code subject} (the token's sub). */
    public UUID professional(String field, String subject) {
        UUID id = UUID.randomUUID();
        execute("insert into professional_copy (id, version, organisation_id, first_name, last_name, email, field, keycloak_user_id)"
                + " values (?, 0, ?, 'Testi', ?, ?, ?, ?)", id, organisationId, "Henkilö-" + id.toString().substring(0, 8),
                "testi." + id.toString().substring(0, 8) + "@example.fi", field, subject);
        return id;
    }

    public UUID artist() {
        return professional("ARTS_AND_CULTURE", UUID.randomUUID().toString());
    }

    public UUID nurse() {
        return professional("SOCIAL_AND_HEALTH", UUID.randomUUID().toString());
    }

    public UUID pair(UUID artsId, UUID careId) {
        UUID id = UUID.randomUUID();
        execute("insert into pair_copy (id, version, arts_professional_id, care_professional_id, status) values (?, 0, ?, ?, 'ACTIVE')",
                id, artsId, careId);
        return id;
    }

    /** A pair of two new professionals of this organisation. */
    public UUID pair() {
        return pair(artist(), nurse());
    }

    public UUID group(UUID siteId) {
        UUID id = UUID.randomUUID();
        execute("insert into activity_group (id, version, site_id, name, target_group, size, needs, created_at, updated_at)"
                + " values (?, 0, ?, ?, 'SENIOR_HOUSE_RESIDENTS', 8, '{HEARING}', now(), now())",
                id, siteId, "Ryhmä " + id.toString().substring(0, 8));
        return id;
    }

    public long count(String sql, Object... params) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql, Object... params) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
