package fi.voimala.gateway.stream;

import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import java.util.Set;

/**
 * What one logged-in user may see of the streamed events, by the same rules the services apply to the API:
 * <ul>
 * <li>a coordinator: every event, whole;</li>
 * <li>an org-admin, artist or care professional: the events of the series they read (scheduling-service says which:
 * those at the org-admin's sites, those the professional's pairs run), whole; nothing of other series;</li>
 * <li>a viewer or researcher, who read figures of every series: each series' outcome (suppressed below five people,
 * as the topic is), and of everything else only that it happened and when, so that a dashboard can refresh.</li>
 * </ul>
 * Someone with several roles gets the most any of them gives.
 */
public final class StreamAudience {

    /** What may be sent of one event. */
    public enum View { WHOLE, THAT_IT_HAPPENED, NOTHING }

    static final String SERIES_OUTCOME_UPDATED = "fi.voimala.outcome.series-outcome.updated.v1";

    private final boolean everything;
    private final boolean figures;
    private final boolean ownSeries;
    private volatile Set<String> readableSeries;

    private StreamAudience(boolean everything, boolean figures, boolean ownSeries, Set<String> readableSeries) {
        this.everything = everything;
        this.figures = figures;
        this.ownSeries = ownSeries;
        this.readableSeries = readableSeries;
    }

    public static StreamAudience of(Caller caller) {
        boolean ownSeries = caller.hasRole(PlatformRole.ORG_ADMIN) || caller.hasRole(PlatformRole.ARTIST)
                || caller.hasRole(PlatformRole.CARE_PROFESSIONAL);
        return new StreamAudience(caller.hasRole(PlatformRole.COORDINATOR),
                caller.hasRole(PlatformRole.VIEWER) || caller.hasRole(PlatformRole.RESEARCHER), ownSeries, Set.of());
    }

    /** True when the user may have a stream at all (not, say, a hospital's system). */
    public boolean seesAnything() {
        return everything || figures || ownSeries;
    }

    /** True when what this user sees depends on the series they read, which must be asked for. */
    public boolean needsReadableSeries() {
        return ownSeries && !everything;
    }

    public void readableSeries(Set<String> ids) {
        readableSeries = Set.copyOf(ids);
    }

    /** True when this event may name a series the user reads but was not known to when the list was last asked. */
    public boolean mayHaveGainedSeries(StreamEvent event) {
        return needsReadableSeries() && event.type() != null && event.type().startsWith(StreamEvent.SERIES_EVENT_PREFIX)
                && event.seriesId() != null && !readableSeries.contains(event.seriesId());
    }

    public View view(StreamEvent event) {
        if (everything) {
            return View.WHOLE;
        }
        if (ownSeries && event.seriesId() != null && readableSeries.contains(event.seriesId())) {
            return View.WHOLE;
        }
        if (figures) {
            return SERIES_OUTCOME_UPDATED.equals(event.type()) ? View.WHOLE : View.THAT_IT_HAPPENED;
        }
        return View.NOTHING;
    }
}
