package fi.voimala.scheduling.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final Instant RENDERED_AT = Instant.parse("2027-03-01T08:00:00Z");
    private static final Instant CREATED = Instant.parse("2027-02-01T09:15:00Z");
    private static final UUID VISIT = UUID.fromString("3f2b8c1e-6a4d-4e8f-9b0a-1c2d3e4f5a6b");

    private final IcsCalendar ics = new IcsCalendar(Clock.fixed(RENDERED_AT, ZoneOffset.UTC));

    @Test
    void calendarTellsAppsWhoMadeItAndToRefreshHourly() throws Exception {
        Calendar calendar = parse(ics.render("Voimala – Anna Muusikko", List.of(visit(VISIT, 0, false))));

        assertEquals("-//Voimala//Scheduling//FI", calendar.getProductId().getValue());
        assertEquals("2.0", calendar.getVersion().getValue());
        assertEquals("GREGORIAN", calendar.getCalendarScale().getValue());
        assertEquals("PUBLISH", calendar.getMethod().getValue());
        assertEquals("Voimala – Anna Muusikko", value(calendar, "X-WR-CALNAME"));
        assertEquals("Europe/Helsinki", value(calendar, "X-WR-TIMEZONE"));
        Property refresh = calendar.getRequiredProperty("REFRESH-INTERVAL");
        assertEquals("PT1H", refresh.getValue());
        assertEquals("DURATION", refresh.getRequiredParameter("VALUE").getValue());
        assertEquals("PT1H", value(calendar, "X-PUBLISHED-TTL"));
        assertFalse(calendar.validate().hasErrors(), "the parsed feed is valid iCalendar");
    }

    @Test
    void visitInSummerTimeIsAtTheRightInstant() throws Exception {
        // EU summer time starts at 01:00 UTC on the last Sunday of March (Directive 2000/84/EC): 28 March 2027, so
        // on 30 March Helsinki is UTC+3 and 13:00 there is 10:00Z (timeanddate.com, Helsinki, 2027).
        Instant start = LocalDateTime.of(2027, 3, 30, 13, 0).atZone(HELSINKI).toInstant();
        Instant end = LocalDateTime.of(2027, 3, 30, 14, 30).atZone(HELSINKI).toInstant();
        FeedEntry entry = new FeedEntry(VISIT, start, end, "Taidepaja: Musiikki – Päiväryhmä Kettulanlahti",
                "Päiväryhmä Kettulanlahti, Kettulanlahdentie 5, 00370 Helsinki", "Anna Muusikko ja Pekka Hoitaja\nSessio 4/20",
                0, false, CREATED, CREATED);

        String text = ics.render("Anna", List.of(entry));
        VEvent event = onlyEvent(parse(text));

        assertEquals(VISIT + "@voimala.fi", event.getRequiredProperty("UID").getValue());
        assertEquals(Instant.parse("2027-03-30T10:00:00Z"), instant(event, "DTSTART"));
        assertEquals(Instant.parse("2027-03-30T11:30:00Z"), instant(event, "DTEND"));
        assertTrue(text.contains("\r\nDTSTART:20270330T100000Z\r\n"), "written in UTC, no TZID to resolve");
        assertEquals("Taidepaja: Musiikki – Päiväryhmä Kettulanlahti", event.getSummary().getValue());
        assertEquals("Päiväryhmä Kettulanlahti, Kettulanlahdentie 5, 00370 Helsinki", event.getLocation().getValue());
        assertEquals("Anna Muusikko ja Pekka Hoitaja\nSessio 4/20", event.getDescription().getValue());
        assertEquals(0, event.getSequence().getSequenceNo());
        assertEquals("CONFIRMED", event.getStatus().getValue());
        assertEquals(RENDERED_AT, instant(event, "DTSTAMP"));
        assertEquals(CREATED, instant(event, "CREATED"));
        assertEquals(CREATED, instant(event, "LAST-MODIFIED"));
    }

    @Test
    void visitInWinterTimeIsTwoHoursAhead() throws Exception {
        // Friday 26 March 2027, before the change on the 28th: Helsinki is UTC+2, so 13:00 there is 11:00Z.
        Instant start = LocalDateTime.of(2027, 3, 26, 13, 0).atZone(HELSINKI).toInstant();
        FeedEntry entry = new FeedEntry(VISIT, start, start.plusSeconds(5400), "Taidepaja", null, null, 0, false,
                CREATED, CREATED);

        VEvent event = onlyEvent(parse(ics.render("Anna", List.of(entry))));

        assertEquals(Instant.parse("2027-03-26T11:00:00Z"), instant(event, "DTSTART"));
    }

    @Test
    void movedVisitKeepsItsUidAndRaisesItsSequence() throws Exception {
        FeedEntry first = visit(VISIT, 0, false);
        Instant newStart = LocalDateTime.of(2027, 4, 6, 10, 0).atZone(HELSINKI).toInstant();
        FeedEntry moved = new FeedEntry(VISIT, newStart, newStart.plusSeconds(5400), first.summary(), first.location(),
                first.description(), 1, false, Instant.parse("2027-03-02T12:00:00Z"), first.created());

        VEvent before = onlyEvent(parse(ics.render("Anna", List.of(first))));
        VEvent after = onlyEvent(parse(ics.render("Anna", List.of(moved))));

        // Calendar apps match the event by UID and take the higher SEQUENCE as the newer version (RFC 5545 3.8.7.4).
        assertEquals(before.getRequiredProperty("UID").getValue(), after.getRequiredProperty("UID").getValue());
        assertEquals(0, before.getSequence().getSequenceNo());
        assertEquals(1, after.getSequence().getSequenceNo());
        assertTrue(after.getSequence().getSequenceNo() > before.getSequence().getSequenceNo());
        assertEquals(Instant.parse("2027-04-06T07:00:00Z"), instant(after, "DTSTART"));
        assertEquals(Instant.parse("2027-03-02T12:00:00Z"), instant(after, "LAST-MODIFIED"));
    }

    @Test
    void cancelledVisitStaysInTheFeedMarkedCancelled() throws Exception {
        UUID other = UUID.randomUUID();
        Calendar calendar = parse(ics.render("Anna", List.of(visit(VISIT, 2, true), visit(other, 0, false))));

        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(2, events.size());
        VEvent cancelled = event(calendar, VISIT);
        assertEquals("CANCELLED", cancelled.getStatus().getValue());
        assertEquals(2, cancelled.getSequence().getSequenceNo());
        assertEquals("TRANSPARENT", cancelled.getRequiredProperty("TRANSP").getValue(), "no longer makes anyone busy");
        assertEquals("CONFIRMED", event(calendar, other).getStatus().getValue());
        assertFalse(calendar.validate().hasErrors());
    }

    @Test
    void commasSemicolonsNewlinesAndFinnishLettersSurviveTheRoundTrip() throws Exception {
        String summary = "Taidepaja: Kuvataide, savi; maalaus – Hoivakoti Äijälä \"Öljymäki\"";
        String location = "Osasto 3B; Meilahden sairaala, Haartmaninkatu 4, 00290 Helsinki";
        String description = "Pari: Åsa Öhman, Jyrki Ääninen\nSessio 4/20; tuo omat siveltimet\\vesivärit\n\nKiitos!";
        FeedEntry entry = new FeedEntry(VISIT, Instant.parse("2027-05-04T09:00:00Z"),
                Instant.parse("2027-05-04T10:30:00Z"), summary, location, description, 0, false, CREATED, CREATED);

        Calendar calendar = parse(ics.render("Åsa Öhman, kuvataiteilija; Voimala", List.of(entry)));
        VEvent event = onlyEvent(calendar);

        assertEquals(summary, event.getSummary().getValue());
        assertEquals(location, event.getLocation().getValue());
        assertEquals(description, event.getDescription().getValue());
        assertEquals("Åsa Öhman, kuvataiteilija; Voimala", value(calendar, "X-WR-CALNAME"));
    }

    @Test
    void windowsLineBreaksAndControlCharactersDoNotBreakTheFeed() throws Exception {
        // Text pasted from Windows carries CRLF; a bare CR would otherwise end the content line early.
        String description = "Sessio 4/20\r\nTuo soittimet\rKiitos\tja tervetuloa\u0007";
        FeedEntry entry = new FeedEntry(VISIT, Instant.parse("2027-05-04T09:00:00Z"),
                Instant.parse("2027-05-04T10:30:00Z"), "Taidepaja\r\nMusiikki", null, description, 0, false, CREATED,
                CREATED);

        Calendar calendar = parse(ics.render("Anna", List.of(entry)));
        VEvent event = onlyEvent(calendar);

        assertEquals("Sessio 4/20\nTuo soittimet\nKiitos\tja tervetuloa", event.getDescription().getValue());
        assertEquals("Taidepaja\nMusiikki", event.getSummary().getValue());
        assertEquals(0, event.getSequence().getSequenceNo(), "the properties after it are still read");
        assertFalse(calendar.validate().hasErrors());
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() throws Exception {
        // RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets; "ä" is two octets in UTF-8, "🎨" four.
        String description = "Sessio 4/20: ".repeat(3) + "🎨".repeat(25) + " äöå".repeat(40);
        FeedEntry entry = new FeedEntry(VISIT, Instant.parse("2027-05-04T09:00:00Z"),
                Instant.parse("2027-05-04T10:30:00Z"), "Taidepaja", null, description, 0, false, CREATED, CREATED);

        String text = ics.render("Anna", List.of(entry));

        for (String line : text.split("\r\n")) {
            int octets = line.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(octets <= 75, () -> octets + " octets: " + line);
        }
        assertFalse(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("?"),
                "no character broken in two");
        assertEquals(description, onlyEvent(parse(text)).getDescription().getValue());
    }

    @Test
    void linesEndWithCrlf() {
        String text = ics.render("Anna", List.of(visit(VISIT, 0, false)));

        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"));
        assertTrue(text.endsWith("END:VCALENDAR\r\n"));
        assertEquals(text.split("\n", -1).length, text.split("\r\n", -1).length, "every line break is CRLF");
    }

    @Test
    void missingLocationAndDescriptionAreLeftOut() throws Exception {
        FeedEntry entry = new FeedEntry(VISIT, Instant.parse("2027-05-04T09:00:00Z"),
                Instant.parse("2027-05-04T10:30:00Z"), "Taidepaja", null, null, 0, false, CREATED, CREATED);

        VEvent event = onlyEvent(parse(ics.render("Anna", List.of(entry))));

        assertTrue(event.getProperty("LOCATION").isEmpty());
        assertTrue(event.getProperty("DESCRIPTION").isEmpty());
    }

    @Test
    void emptyFeedIsStillAValidCalendar() throws Exception {
        String text = ics.render("Anna", List.of());
        Calendar calendar = parse(text);

        assertTrue(calendar.getComponents(Component.VEVENT).isEmpty());
        assertEquals("-//Voimala//Scheduling//FI", calendar.getProductId().getValue());
        assertEquals("PUBLISH", calendar.getMethod().getValue());
        // RFC 5545 wants at least one component: Helsinki's VTIMEZONE is there.
        Component zone = calendar.getComponent(Component.VTIMEZONE).orElseThrow();
        assertEquals("Europe/Helsinki", zone.getRequiredProperty("TZID").getValue());
        assertFalse(calendar.validate().hasErrors());
    }

    @Test
    void aFeedOfHundredsOfVisitsRendersAndParsesBack() throws Exception {
        List<FeedEntry> entries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entries.add(visit(UUID.randomUUID(), i % 3, i % 10 == 0));
        }

        Calendar calendar = parse(ics.render("Anna", entries));

        assertEquals(500, calendar.getComponents(Component.VEVENT).size());
    }

    @Test
    void entryThatEndsBeforeItStartsIsRefused() {
        Instant start = Instant.parse("2027-05-04T09:00:00Z");
        assertThrows(IllegalArgumentException.class,
                () -> new FeedEntry(VISIT, start, start, "Taidepaja", null, null, 0, false, CREATED, CREATED));
        assertThrows(IllegalArgumentException.class,
                () -> new FeedEntry(VISIT, start, start.plusSeconds(60), "Taidepaja", null, null, -1, false, CREATED,
                        CREATED));
    }

    private static FeedEntry visit(UUID id, int sequence, boolean cancelled) {
        Instant start = LocalDateTime.of(2027, 3, 30, 13, 0).atZone(HELSINKI).toInstant();
        return new FeedEntry(id, start, start.plusSeconds(5400), "Taidepaja: Musiikki – Päiväryhmä Kettulanlahti",
                "Päiväryhmä Kettulanlahti, Kettulanlahdentie 5, 00370 Helsinki", "Sessio 4/20", sequence, cancelled,
                CREATED, CREATED);
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static VEvent event(Calendar calendar, UUID visitId) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream()
                .filter(e -> e.getRequiredProperty("UID").getValue().equals(visitId + "@voimala.fi"))
                .findFirst().orElseThrow();
    }

    private static String value(Calendar calendar, String property) {
        return calendar.getRequiredProperty(property).getValue();
    }

    private static Instant instant(VEvent event, String property) {
        DateProperty<Temporal> date = event.getRequiredProperty(property);
        return Instant.from(date.getDate());
    }
}
