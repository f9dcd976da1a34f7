package fi.voimala.outcomes.events;

import java.util.List;
import java.util.UUID;

/**
 * A series' outcome on one instrument after a change, every score and comparison of it: what a dashboard shows. A
 * figure about fewer than five people is suppressed here (its numbers null, {@code suppressed} true), since anyone
 * subscribed to the topic reads it.
 */
public record SeriesOutcomeEventData(UUID seriesId, String instrumentKey, List<Figures> outcomes) {

    public record Figures(String scoreKey, String comparison, String subjectType, boolean suppressed, Long people,
                          Long n, Double meanBefore, Double meanAfter, Double meanChange, Double sdChange, Double ciLow,
                          Double ciHigh, Double p, Double effectSizeDz, Double shareReachingMid) {
    }
}
