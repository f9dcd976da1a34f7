package fi.voimala.scheduling.series.mapping;

import fi.voimala.scheduling.calendar.Frequency;
import fi.voimala.scheduling.calendar.Recurrence;
import fi.voimala.scheduling.events.SeriesEventData;
import fi.voimala.scheduling.series.ArtForm;
import fi.voimala.scheduling.series.Series;
import fi.voimala.scheduling.series.SeriesStatus;
import fi.voimala.scheduling.series.api.SeriesApi.SeriesView;
import fi.voimala.scheduling.series.api.SeriesApi.VisitCounts;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A series as the API shows it and as its events carry it; and its rhythm as the planner reads it. */
public final class SeriesMapper {

    private SeriesMapper() {
    }

    public static SeriesView toView(Series s, String groupName, String siteName, VisitCounts counts) {
        return new SeriesView(s.id, s.version, s.groupId, groupName, s.siteId, siteName, s.pairId, artForms(s),
                s.plannedSessions, s.sessionCountReason, Frequency.valueOf(s.frequency), DayOfWeek.valueOf(s.weekday),
                s.startTime, s.durationMinutes, s.firstDate, s.plannedEnd, SeriesStatus.valueOf(s.status), s.statusReason,
                counts);
    }

    public static SeriesEventData toEvent(Series s) {
        return new SeriesEventData(s.id, s.version, s.groupId, s.siteId, s.pairId, List.of(s.artForms), s.plannedSessions,
                s.sessionCountReason, s.frequency, s.weekday, s.startTime, s.durationMinutes, s.firstDate, s.plannedEnd,
                s.status, s.statusReason);
    }

    public static Recurrence rhythm(Series s) {
        return new Recurrence(Frequency.valueOf(s.frequency), DayOfWeek.valueOf(s.weekday), s.startTime, s.durationMinutes);
    }

    private static Set<ArtForm> artForms(Series s) {
        return Arrays.stream(s.artForms).map(ArtForm::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(ArtForm.class)));
    }
}
