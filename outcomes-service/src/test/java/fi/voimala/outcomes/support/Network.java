package fi.voimala.outcomes.support;

import static io.restassured.RestAssured.given;

import fi.voimala.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh piece of the network in outcomes' own copies, written as partner-events, visit-events and session-events
 * would leave them (the consumers themselves are tested in their own tests): an organisation with its Keycloak alias,
 * a site, a pair whose two professionals have logins, an activity group, a series and its visits, participants with
 * their consent and session records. Every id, code and alias is new, so each test owns its data. Tokens for each role come from platform-testing's TestTokens (signed by the WireMock OIDC server).
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

    /** A professional of this network's organisation with a login: its id and the token subject. */
    public record Person(UUID id, String subject, String role, String alias) {

        public RequestSpecification as() {
            return Network.as(TestTokens.token(role, alias, subject));
        }
    }

    /** A pair of an artist and a nurse of this organisation, both with logins. */
    public record Pair(UUID id, Person artist, Person nurse) {
    }

    /** A series of a pair at a site, for a group. */
    public record Series(UUID id, UUID siteId, UUID groupId, Pair pair) {
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
        execute("insert into site_copy (id, version, organisation_id, name, type, status) values (?, 0, ?, ?, 'SENIOR_HOUSE', 'OPEN')",
                id, organisationId, "Palvelutalo " + id.toString().substring(0, 8));
        return id;
    }

    public Person professional(String field, String role) {
        UUID id = UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        execute("insert into professional_copy (id, version, organisation_id, first_name, last_name, field, keycloak_user_id)"
                + " values (?, 0, ?, 'Testi', ?, ?, ?)", id, organisationId, "Henkilö-" + id.toString().substring(0, 8),
                field, subject);
        return new Person(id, subject, role, alias);
    }

    public Person artist() {
        return professional("ARTS_AND_CULTURE", "artist");
    }

    public Person nurse() {
        return professional("SOCIAL_AND_HEALTH", "care-professional");
    }

    public Pair pair() {
        return pair(artist(), nurse());
    }

    public Pair pair(Person artist, Person nurse) {
        UUID id = UUID.randomUUID();
        execute("insert into pair_copy (id, version, arts_professional_id, care_professional_id, status) values (?, 0, ?, ?, 'ACTIVE')",
                id, artist.id(), nurse.id());
        return new Pair(id, artist, nurse);
    }

    public UUID group(UUID siteId, String targetGroup) {
        UUID id = UUID.randomUUID();
        execute("insert into group_copy (id, version, site_id, name, target_group, size) values (?, 0, ?, ?, ?, 8)",
                id, siteId, "Ryhmä " + id.toString().substring(0, 8), targetGroup);
        return id;
    }

    /** An active series of 20 weekly 90-minute sessions of a new pair at a new site, for senior-house residents. */
    public Series series() {
        UUID site = site();
        return series(site, group(site, "SENIOR_HOUSE_RESIDENTS"), pair());
    }

    public Series series(UUID siteId, UUID groupId, Pair pair) {
        UUID id = UUID.randomUUID();
        LocalDate first = LocalDate.now(HELSINKI).minusWeeks(4);
        execute("insert into series_copy (id, version, group_id, site_id, pair_id, art_forms, planned_sessions, duration_minutes,"
                + " first_date, planned_end, status) values (?, 0, ?, ?, ?, '{MUSIC}', 20, 90, ?, ?, 'ACTIVE')",
                id, groupId, siteId, pair.id(), first, first.plusWeeks(19));
        return new Series(id, siteId, groupId, pair);
    }

    public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    /** A visit of the series starting at {@code startsAt} (90 minutes), in {@code status}. */
    public UUID visit(Series series, Instant startsAt, String status) {
        UUID id = UUID.randomUUID();
        Pair pair = series.pair();
        execute("insert into visit_copy (id, version, series_id, ordinal, pair_id, site_id, arts_professional_id,"
                + " care_professional_id, starts_at, ends_at, status) values (?, 0, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
                id, series.id(), pair.id(), series.siteId(), pair.artist().id(), pair.nurse().id(),
                Timestamp.from(startsAt), Timestamp.from(startsAt.plus(Duration.ofMinutes(90))), status);
        return id;
    }

    /**
     * A scheduled visit of the series at 10:00 Helsinki time {@code daysAgo} days ago (negative: days ahead), so that
     * a session recorded for it stays on its date.
     */
    public UUID pastVisit(Series series, int daysAgo) {
        return visit(series, LocalDate.now(HELSINKI).minusDays(daysAgo).atTime(10, 0).atZone(HELSINKI).toInstant(),
                "SCHEDULED");
    }

    /** When the visit starts, as its copy says. */
    public Instant visitStart(UUID visit) {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement("select starts_at from visit_copy where id = ?")) {
            statement.setObject(1, visit);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getTimestamp(1).toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A participant enrolled in the series under a new code, with consent to take part and to these purposes. */
    public record Participant(UUID id, String code) {
    }

    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public Participant participant(Series series, String... covers) {
        UUID id = UUID.randomUUID();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            code.append(i > 0 && i % 3 == 0 ? "-" : "").append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        String[] purposes = new String[covers.length + 1];
        purposes[0] = "PARTICIPATION";
        System.arraycopy(covers, 0, purposes, 1, covers.length);
        execute("insert into participant_copy (id, version, series_id, code, consent_covers) values (?, 0, ?, ?, ?)",
                id, series.id(), code.toString(), purposes);
        tally(series, 0, 0, 1);
        return new Participant(id, code.toString());
    }

    /** A participant who consented to measurements and research use. */
    public Participant measuredParticipant(Series series) {
        return participant(series, "MEASUREMENTS", "RESEARCH_USE");
    }

    /** The participant withdrew consent to {@code purpose} (MEASUREMENTS or RESEARCH_USE) from {@code from} on. */
    public void withdraw(Participant participant, String purpose, LocalDate from) {
        String column = purpose.equals("MEASUREMENTS") ? "measurements_withdrawn_from" : "research_withdrawn_from";
        execute("update participant_copy set " + column + " = ? where id = ?", from, participant.id());
    }

    /** A held session of the visit, with these participants present, counted as the consumer counts it. */
    public UUID heldSession(Series series, UUID visit, Participant... present) {
        UUID id = UUID.randomUUID();
        UUID[] ids = java.util.Arrays.stream(present).map(Participant::id).toArray(UUID[]::new);
        execute("insert into session_record_copy (id, version, visit_id, series_id, held, started_at, participant_ids)"
                + " values (?, 0, ?, ?, true, ?, ?)", id, visit, series.id(), Timestamp.from(visitStart(visit)), ids);
        for (UUID person : ids) {
            execute("update participant_copy set sessions_attended = sessions_attended + 1 where id = ?", person);
        }
        tally(series, 1, ids.length, 0);
        return id;
    }

    /**
     * The series' tallies as the consumer keeps them. (A participant crossing a band of sessions attended, which moves
     * their outcomes, is the consumer's work: tests of it send session-events.)
     */
    private void tally(Series series, int held, int attendances, int participants) {
        execute("insert into series_attendance (series_id, sessions_held, attendances, participants) values (?, ?, ?, ?)"
                + " on conflict (series_id) do update set sessions_held = series_attendance.sessions_held"
                + " + excluded.sessions_held, attendances = series_attendance.attendances + excluded.attendances,"
                + " participants = series_attendance.participants + excluded.participants",
                series.id(), held, attendances, participants);
    }

    /** The season (2027-spring or 2027-autumn) the series' first date falls in, as outcomes' filter names it. */
    public String seasonOf(Series series) {
        LocalDate first = LocalDate.ofEpochDay(count("select first_date - date '1970-01-01' from series_copy where id = ?",
                series.id()));
        return first.getYear() + (first.getMonthValue() <= 6 ? "-spring" : "-autumn");
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
                if (params[i] instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("varchar", texts));
                } else if (params[i] instanceof UUID[] ids) {
                    statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else {
                    statement.setObject(i + 1, params[i]);
                }
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
