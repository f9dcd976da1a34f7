package fi.voimala.scheduling.feed;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One visit as a calendar feed shows it. The visit id becomes the event's UID, so a calendar app recognises the same
 * visit in every later version of the feed; {@code sequence} is raised each time the visit is moved, so that the app
 * moves its copy instead of keeping the old one; a cancelled visit stays in the feed, marked cancelled.
 *
 * @param location    the site's name and address; null leaves LOCATION out
 * @param description the pair's members, "session 4 of 20"; null leaves DESCRIPTION out
 * @param sequence    0 for a visit never changed
 */
public record FeedEntry(
        UUID visitId,
        Instant start,
        Instant end,
        String summary,
        String location,
        String description,
        int sequence,
        boolean cancelled,
        Instant lastModified,
        Instant created) {

    public FeedEntry {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(created, "created");
        // Calendar apps reject or misplace an event that ends before it starts (RFC 5545: DTEND after DTSTART).
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
    }
}
