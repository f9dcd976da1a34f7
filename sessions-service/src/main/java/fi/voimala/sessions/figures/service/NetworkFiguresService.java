package fi.voimala.sessions.figures.service;

import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.sessions.figures.api.FiguresApi.NetworkFigures;
import fi.voimala.sessions.figures.api.FiguresApi.StaffLearning;
import fi.voimala.sessions.figures.api.FiguresApi.TargetGroupReach;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The network's figures for the dashboards: sessions planned and held, people reached (overall and per target group)
 * and staff learning hours per organisation and month. Aggregates only: nothing here names a participant, so it is
 * open to every role that reads figures and is not audited.
 *
 * <p>A session's date is its actual start (or, for one not held, its visit's start) in Helsinki. Staff learning hours
 * of a held session are its length times the staff present: each professional of the register counts for their own
 * organisation, the others counted for the organisation of the site (the care unit's own staff).
 */
@ApplicationScoped
public class NetworkFiguresService {

    private static final String SESSION_DATE =
            "cast(coalesce(r.started_at, v.starts_at) at time zone 'Europe/Helsinki' as date)";

    public record Period(LocalDate from, LocalDate to, UUID organisationId) {

        public Period {
            if (from != null && to != null && to.isBefore(from)) {
                throw new RuleViolationException("to", "not-before-from", "must not be before from");
            }
        }
    }

    @WithSession
    public Uni<NetworkFigures> figures(Period period) {
        String records = "from session_record r join visit_copy v on v.id = r.visit_id where true" + limits(period, SESSION_DATE, "r.site_id");
        String visits = "from visit_copy v where v.status <> 'CANCELLED'"
                + limits(period, "cast(v.starts_at at time zone 'Europe/Helsinki' as date)", "v.site_id");
        String totals = "select count(*) filter (where r.held), count(*) filter (where not r.held),"
                + " count(distinct r.series_id) filter (where r.held), coalesce(sum(r.extra_attendees) filter (where r.held), 0) "
                + records;
        String planned = "select count(*) " + visits;
        String reached = "select count(distinct a.participant_id) from session_attendance a join session_record r"
                + " on r.id = a.session_record_id and r.held join visit_copy v on v.id = r.visit_id where true"
                + limits(period, SESSION_DATE, "r.site_id");
        String groupSessions = "select coalesce(g.target_group, 'UNKNOWN'), count(*), coalesce(sum(r.extra_attendees), 0) "
                + records.replace(" where true", " left join series_copy s on s.id = r.series_id"
                        + " left join group_copy g on g.id = s.group_id where r.held")
                + " group by 1";
        String groupPeople = "select coalesce(g.target_group, 'UNKNOWN'), count(distinct a.participant_id)"
                + " from session_attendance a join session_record r on r.id = a.session_record_id and r.held"
                + " join visit_copy v on v.id = r.visit_id left join series_copy s on s.id = r.series_id"
                + " left join group_copy g on g.id = s.group_id where true" + limits(period, SESSION_DATE, "r.site_id")
                + " group by 1";
        String staff = "with held as (select r.id, r.site_id, r.other_staff_count,"
                + " extract(epoch from r.ended_at - r.started_at) / 3600.0 as hours,"
                + " to_char(r.started_at at time zone 'Europe/Helsinki', 'YYYY-MM') as month "
                + records.replace(" where true", " where r.held") + ")"
                + " select x.organisation_id, o.name, x.month, sum(x.people), sum(x.people * x.hours) from ("
                + " select p.organisation_id, h.month, 1 as people, h.hours from held h"
                + " join session_staff st on st.session_record_id = h.id join professional_copy p on p.id = st.professional_id"
                + " union all select si.organisation_id, h.month, h.other_staff_count, h.hours from held h"
                + " join site_copy si on si.id = h.site_id where h.other_staff_count > 0) x"
                + " left join organisation_copy o on o.id = x.organisation_id"
                + " group by x.organisation_id, o.name, x.month order by x.month, o.name";
        return Panache.getSession().chain(session -> rows(session, totals, period).chain(total ->
                single(session, planned, period).chain(plannedCount ->
                single(session, reached, period).chain(people ->
                rows(session, groupSessions, period).chain(bySessions ->
                rows(session, groupPeople, period).chain(byPeople ->
                rows(session, staff, period).map(staffRows -> {
                    Object[] t = total.get(0);
                    List<StaffLearning> learning = staffRows.stream().map(row -> new StaffLearning((UUID) row[0],
                            (String) row[1], (String) row[2], AttendanceService.number(row[3]), hours(row[4]))).toList();
                    BigDecimal allHours = learning.stream().map(StaffLearning::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new NetworkFigures(period.from(), period.to(), period.organisationId(), plannedCount,
                            AttendanceService.number(t[0]), AttendanceService.number(t[1]), AttendanceService.number(t[2]),
                            people, AttendanceService.number(t[3]), byTargetGroup(bySessions, byPeople), allHours, learning);
                })))))));
    }

    /** Sessions and extra attendees per target group beside the people reached there, in target group order. */
    private static List<TargetGroupReach> byTargetGroup(List<Object[]> sessions, List<Object[]> people) {
        Map<String, long[]> groups = new TreeMap<>();
        for (Object[] row : sessions) {
            long[] values = groups.computeIfAbsent((String) row[0], group -> new long[3]);
            values[0] = AttendanceService.number(row[1]);
            values[2] = AttendanceService.number(row[2]);
        }
        for (Object[] row : people) {
            groups.computeIfAbsent((String) row[0], group -> new long[3])[1] = AttendanceService.number(row[1]);
        }
        return groups.entrySet().stream().map(group -> new TargetGroupReach(group.getKey(), group.getValue()[0],
                group.getValue()[1], group.getValue()[2])).toList();
    }

    /** The period's and organisation's conditions, in SQL over the given date expression and site column. */
    private static String limits(Period period, String date, String site) {
        StringBuilder sql = new StringBuilder();
        if (period.from() != null) {
            sql.append(" and ").append(date).append(" >= :from");
        }
        if (period.to() != null) {
            sql.append(" and ").append(date).append(" <= :to");
        }
        if (period.organisationId() != null) {
            sql.append(" and ").append(site).append(" in (select id from site_copy where organisation_id = :organisation)");
        }
        return sql.toString();
    }

    private static Uni<List<Object[]>> rows(Mutiny.Session session, String sql, Period period) {
        return bind(session.createNativeQuery(sql, Object[].class), period).getResultList();
    }

    private static Uni<Long> single(Mutiny.Session session, String sql, Period period) {
        return bind(session.createNativeQuery(sql, Long.class), period).getSingleResult();
    }

    private static <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> query, Period period) {
        if (period.from() != null) {
            query.setParameter("from", period.from());
        }
        if (period.to() != null) {
            query.setParameter("to", period.to());
        }
        if (period.organisationId() != null) {
            query.setParameter("organisation", period.organisationId());
        }
        return query;
    }

    private static BigDecimal hours(Object value) {
        BigDecimal hours = value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(((Number) value).doubleValue());
        return hours.setScale(2, RoundingMode.HALF_UP);
    }
}
