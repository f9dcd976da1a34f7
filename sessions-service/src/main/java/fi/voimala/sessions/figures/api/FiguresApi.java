package fi.voimala.sessions.figures.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The figures' views: a series' attendance (the dose) and the network's summary. */
public final class FiguresApi {

    private FiguresApi() {
    }

    /**
     * A series' attendance. {@code plannedSessions}: as the series was planned; {@code visitsPlanned}: its visits not
     * cancelled; {@code sessionsHeld}/{@code sessionsNotHeld}: recorded. Per participant: sessions attended and the
     * rate {@code attended / sessionsHeld} (null before any session is held).
     */
    public record SeriesAttendance(UUID seriesId, int plannedSessions, long visitsPlanned, long sessionsRecorded,
                                   long sessionsHeld, long sessionsNotHeld, long extraAttendees,
                                   BigDecimal averageAttendanceRate, List<ParticipantAttendance> participants) {
    }

    /** {@code active}: their consent to take part is not withdrawn today. */
    public record ParticipantAttendance(UUID id, String code, boolean active, long attended, BigDecimal rate) {
    }

    /**
     * The network's sessions in a period (Helsinki dates, both ends included; null: unbounded): sessions planned
     * (visits not cancelled), held and not held; people reached (distinct participants present at least once) and
     * anonymous extra attendees; the same per target group; staff learning hours (staff present × the session's
     * length) per organisation and month.
     */
    public record NetworkFigures(LocalDate from, LocalDate to, UUID organisationId, long sessionsPlanned,
                                 long sessionsHeld, long sessionsNotHeld, long seriesWithSessions, long peopleReached,
                                 long extraAttendees, List<TargetGroupReach> byTargetGroup,
                                 BigDecimal staffLearningHours, List<StaffLearning> staffLearning) {
    }

    public record TargetGroupReach(String targetGroup, long sessionsHeld, long peopleReached, long extraAttendees) {
    }

    /** {@code month}: YYYY-MM in Helsinki time; {@code staffPresences}: staff people × sessions. */
    public record StaffLearning(UUID organisationId, String organisationName, String month, long staffPresences,
                                BigDecimal hours) {
    }
}
