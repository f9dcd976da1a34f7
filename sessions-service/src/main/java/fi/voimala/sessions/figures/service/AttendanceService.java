package fi.voimala.sessions.figures.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.platform.security.Caller;
import fi.voimala.sessions.access.SessionsAccess;
import fi.voimala.sessions.audit.AuditAction;
import fi.voimala.sessions.audit.service.AuditLog;
import fi.voimala.sessions.figures.api.FiguresApi.ParticipantAttendance;
import fi.voimala.sessions.figures.api.FiguresApi.SeriesAttendance;
import fi.voimala.sessions.participant.ParticipantCode;
import fi.voimala.sessions.schedule.SeriesCopy;
import fi.voimala.sessions.schedule.repository.SeriesCopyRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A series' attendance: sessions held against planned, and each participant's dose (sessions attended and the rate).
 * Participant codes are participant data, so each read is audited. A researcher sees only the participants whose
 * consent covers research use; the series' totals are everyone's.
 */
@ApplicationScoped
public class AttendanceService {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    /** A participant is active while consent to take part is not withdrawn (from a date up to today). */
    static final String ACTIVE = "not exists (select 1 from consent_withdrawal w where w.participant_id = p.id"
            + " and 'PARTICIPATION' = any (w.covers) and w.withdrawn_from <= :today)";
    /** The researcher's limit: consent covers research use and that part is not withdrawn. */
    static final String RESEARCH_CONSENTED = "'RESEARCH_USE' = any (p.consent_covers) and not exists (select 1 from"
            + " consent_withdrawal w where w.participant_id = p.id and 'RESEARCH_USE' = any (w.covers))";

    @Inject
    SeriesCopyRepository series;
    @Inject
    SessionsAccess access;
    @Inject
    AuditLog audit;

    @WithTransaction
    public Uni<SeriesAttendance> of(Caller caller, UUID seriesId) {
        return access.scopeOf(caller).chain(scope -> series.findById(seriesId)
                .onItem().ifNull().failWith(() -> notFound("series", seriesId))
                .chain(found -> access.partiesOf(found).chain(parties -> {
                    boolean readsSeries = scope.reads(parties.pair(), parties.site());
                    SessionsAccess.require(readsSeries || scope.researcher());
                    return read(found, !readsSeries);
                }))
                .call(view -> audit.record(caller, AuditAction.READ,
                        view.participants().stream().map(ParticipantAttendance::id).toList(), seriesId,
                        "attendance of the series")));
    }

    /** {@code onlyResearchConsented}: a researcher who does not read the series in their own right. */
    private Uni<SeriesAttendance> read(SeriesCopy found, boolean onlyResearchConsented) {
        String participants = "select p.id, p.code, " + ACTIVE + " as active,"
                + " count(r.id) filter (where r.held) as attended"
                + " from participant p left join session_attendance a on a.participant_id = p.id"
                + " left join session_record r on r.id = a.session_record_id"
                + " where p.series_id = :series" + (onlyResearchConsented ? " and " + RESEARCH_CONSENTED : "")
                + " group by p.id, p.code order by p.code";
        String totals = "select count(*), count(*) filter (where held), count(*) filter (where not held),"
                + " coalesce(sum(extra_attendees) filter (where held), 0) from session_record where series_id = :series";
        String visits = "select count(*) from visit_copy where series_id = :series and status <> 'CANCELLED'";
        LocalDate today = LocalDate.now(HELSINKI);
        return Panache.getSession().chain(session -> session.createNativeQuery(totals, Object[].class)
                .setParameter("series", found.id).getSingleResult()
                .chain(total -> session.createNativeQuery(visits, Long.class).setParameter("series", found.id)
                        .getSingleResult()
                        .chain(planned -> session.createNativeQuery(participants, Object[].class)
                                .setParameter("series", found.id).setParameter("today", today).getResultList()
                                .map(rows -> view(found, total, planned, rows)))));
    }

    private static SeriesAttendance view(SeriesCopy found, Object[] total, Long planned, List<Object[]> rows) {
        long held = number(total[1]);
        List<ParticipantAttendance> participants = rows.stream().map(row -> {
            long attended = number(row[3]);
            return new ParticipantAttendance((UUID) row[0], new ParticipantCode((String) row[1]).toString(),
                    (Boolean) row[2], attended, rate(attended, held));
        }).toList();
        BigDecimal average = participants.isEmpty() || held == 0 ? null
                : rate(participants.stream().mapToLong(ParticipantAttendance::attended).sum(), held * participants.size());
        return new SeriesAttendance(found.id, found.plannedSessions, planned, number(total[0]), held, number(total[2]),
                number(total[3]), average, participants);
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
