package fi.voimala.outcomes.plan.service;

import fi.voimala.outcomes.plan.MeasurementPlanPoint;
import fi.voimala.outcomes.plan.TimePoint;
import fi.voimala.outcomes.schedule.SeriesCopy;
import fi.voimala.outcomes.schedule.repository.VisitCopyRepository.SessionSpan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The dates a plan's windows open and close, reckoned in Helsinki from the series' sessions as scheduling last said
 * (its first and last visit not cancelled; before any visit is known, the series' first date and planned end). A
 * session's own checks are reckoned from that session's date.
 */
public record PlanWindows(LocalDate firstSession, LocalDate lastSession) {

    public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    public static PlanWindows of(SeriesCopy series, SessionSpan span) {
        return new PlanWindows(span == null || span.first() == null ? series.firstDate : day(span.first()),
                span == null || span.last() == null ? series.plannedEnd : day(span.last()));
    }

    public static LocalDate day(Instant instant) {
        return instant.atZone(HELSINKI).toLocalDate();
    }

    /** A window, both ends included. */
    public record Window(LocalDate anchor, LocalDate opens, LocalDate closes) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(opens) && !day.isAfter(closes);
        }
    }

    /** The point's window; for a session's checks, {@code sessionDay} is that session's date. */
    public Window of(MeasurementPlanPoint point, LocalDate sessionDay) {
        LocalDate anchor = switch (TimePoint.valueOf(point.timePoint)) {
            case BASELINE -> firstSession;
            case END -> lastSession;
            case FOLLOW_UP -> lastSession.plusWeeks(point.followUpWeeks == null ? 0 : point.followUpWeeks);
            case BEFORE_SESSION, AFTER_SESSION -> sessionDay;
        };
        return anchor == null ? null
                : new Window(anchor, anchor.minusDays(point.daysBefore), anchor.plusDays(point.daysAfter));
    }
}
