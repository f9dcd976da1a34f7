package fi.voimala.scheduling.feed.api;

import java.time.Instant;
import java.util.UUID;

/** What the calendar feed API reads and writes. A feed's secret address is shown once, when the feed is made. */
public final class FeedApi {

    private FeedApi() {
    }

    /** {@code professionalId}: whose visits the feed shows; left out, the caller's own. */
    public record FeedRequest(UUID professionalId) {
    }

    /** The answer to making a feed: {@code url} is the secret address to subscribe to, shown only this once. */
    public record NewFeedView(UUID id, UUID professionalId, String url, Instant createdAt) {
    }

    /** A feed as lists show it, without its address (only its hash is kept). */
    public record FeedView(UUID id, UUID professionalId, String professionalName, Instant createdAt, Instant revokedAt,
                           boolean active) {
    }
}
