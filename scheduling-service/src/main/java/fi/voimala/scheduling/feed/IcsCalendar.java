package fi.voimala.scheduling.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * A professional's visits as an RFC 5545 iCalendar feed that Google Calendar, Outlook and Apple Calendar subscribe to.
 *
 * <p>Event times are written in UTC ({@code DTSTART:20270330T100000Z}): a visit is a single occurrence, never a
 * recurrence, so UTC loses nothing, is exactly the instant the database holds, and depends on no client reading a
 * VTIMEZONE correctly (Outlook maps TZIDs to Windows zones); every app shows it in the reader's own zone.
 *
 * <p>The feed still carries Helsinki's VTIMEZONE, from the zone data inside the ical4j jar (read offline; ical4j's
 * time-zone updates over the network are off by default, {@code net.fortuna.ical4j.timezone.update.enabled}): it
 * defines the zone X-WR-TIMEZONE names, and RFC 5545 wants at least one component in a calendar, so a feed with no
 * visits is still a valid calendar.
 */
@ApplicationScoped
public class IcsCalendar {

    public static final String PRODUCT_ID = "-//Voimala//Scheduling//FI";
    public static final String UID_DOMAIN = "@voimala.fi";
    /** How often subscribers should fetch the feed again (RFC 7986 REFRESH-INTERVAL; X-PUBLISHED-TTL for Outlook). */
    public static final Duration REFRESH = Duration.ofHours(1);
    /**
     * METHOD:PUBLISH (RFC 5546 3.2.1, and what Outlook expects of a subscribed feed) requires an ORGANIZER in each
     * event; ical4j's validation enforces it. An address that replies do not reach: the feed is read-only.
     */
    public static final String ORGANIZER = "mailto:noreply@voimala.fi";
    private static final String ORGANIZER_NAME = "Voimala";
    private static final String TIME_ZONE = "Europe/Helsinki";
    private static final int MAX_LINE_OCTETS = 75;
    // RFC 5545 TEXT allows no control characters but tab; line breaks are written as \n by ical4j.
    private static final Pattern NOT_TEXT = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    // Read once: parsing the zone's definition costs more than rendering a whole feed. Only read afterwards.
    private static final VTimeZone HELSINKI_ZONE = Objects.requireNonNull(
            TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(TIME_ZONE),
            "ical4j has no time zone " + TIME_ZONE).getVTimeZone();

    private final Clock clock;

    public IcsCalendar() {
        this(Clock.systemUTC());
    }

    /** The clock gives DTSTAMP, the moment the feed is rendered (RFC 5545 3.8.7.2 for an object with METHOD). */
    public IcsCalendar(Clock clock) {
        this.clock = clock;
    }

    /**
     * The feed's text: CRLF line ends, lines folded at 75 octets, checked by ical4j's validation. Validation is most
     * of the cost (about 45 of 57 ms for 300 events, warm) and is kept: a feed a calendar app rejects is silently lost.
     *
     * @throws IllegalStateException if ical4j finds the calendar invalid (a bug here, not a user's error)
     */
    public String render(String calendarName, List<FeedEntry> entries) {
        Objects.requireNonNull(calendarName, "calendarName");
        Instant stamp = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<CalendarComponent> components = new ArrayList<>(entries.size() + 1);
        components.add(HELSINKI_ZONE);
        for (FeedEntry entry : entries) {
            components.add(event(entry, stamp));
        }
        // ical4j 4's lists are immutable: built once here, as adding one by one would copy the list for each event.
        Calendar calendar = new Calendar(calendarProperties(calendarName), new ComponentList<>(components));
        validate(calendar);
        // Calendar.toString() is ical4j's own serialisation (escaping, CRLF), not folded; CalendarOutputter would fold
        // it by UTF-16 chars, which splits an emoji in two and lets Finnish lines exceed 75 octets.
        return fold(calendar.toString());
    }

    // CalendarOutputter(validating) only logs a warning for an invalid calendar: check here and fail loudly instead.
    private static void validate(Calendar calendar) {
        ValidationResult result;
        try {
            result = calendar.validate();
        } catch (ValidationException e) {
            throw new IllegalStateException("the calendar feed is not valid iCalendar: " + e.getMessage(), e);
        }
        if (result.hasErrors()) {
            throw new IllegalStateException("the calendar feed is not valid iCalendar: " + result);
        }
    }

    /**
     * RFC 5545 3.1: a content line longer than 75 octets (UTF-8) is broken with CRLF and a space, never inside a
     * character.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
        int lineOctets = 0;
        for (int i = 0; i < unfolded.length(); ) {
            int codePoint = unfolded.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == '\r' || codePoint == '\n') {
                out.append((char) codePoint);
                lineOctets = 0;
                continue;
            }
            int octets = utf8Length(codePoint);
            if (lineOctets + octets > MAX_LINE_OCTETS) {
                out.append("\r\n ");
                lineOctets = 1;
            }
            out.appendCodePoint(codePoint);
            lineOctets += octets;
        }
        return out.toString();
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    private static PropertyList calendarProperties(String calendarName) {
        return new PropertyList(List.of(
                new ProdId(PRODUCT_ID),
                ImmutableVersion.VERSION_2_0,
                ImmutableCalScale.GREGORIAN,
                ImmutableMethod.PUBLISH,
                new XProperty("X-WR-CALNAME", text(calendarName)),
                new XProperty("X-WR-TIMEZONE", TIME_ZONE),
                new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH),
                new XProperty("X-PUBLISHED-TTL", REFRESH.toString())));
    }

    private static VEvent event(FeedEntry entry, Instant stamp) {
        List<Property> properties = new ArrayList<>(14);
        properties.add(new Uid(entry.visitId() + UID_DOMAIN));
        properties.add(new DtStamp(stamp));
        properties.add(new Organizer(new ParameterList(List.of(new Cn(ORGANIZER_NAME))), URI.create(ORGANIZER)));
        properties.add(new DtStart<>(seconds(entry.start())));
        properties.add(new DtEnd<>(seconds(entry.end())));
        properties.add(new Summary(text(entry.summary())));
        if (entry.location() != null) {
            properties.add(new Location(text(entry.location())));
        }
        if (entry.description() != null) {
            properties.add(new Description(text(entry.description())));
        }
        properties.add(new Sequence(entry.sequence()));
        properties.add(entry.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        // A cancelled visit no longer makes its professional busy.
        properties.add(entry.cancelled() ? ImmutableTransp.TRANSPARENT : ImmutableTransp.OPAQUE);
        properties.add(new LastModified(seconds(entry.lastModified())));
        properties.add(new Created(seconds(entry.created())));
        return new VEvent(new PropertyList(properties));
    }

    /**
     * ical4j escapes LF as \n but writes a CR as it is, which ends the line early and loses the rest of the value:
     * Windows (CRLF) and old Mac (CR) line breaks become LF, and other control characters are dropped.
     */
    static String text(String value) {
        String lineFeeds = value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
        return NOT_TEXT.matcher(lineFeeds).replaceAll("");
    }

    /** iCalendar times have whole seconds. */
    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
