package fi.voimala.scheduling.visit.mapping;

import fi.voimala.scheduling.events.VisitEventData;
import fi.voimala.scheduling.visit.Visit;
import fi.voimala.scheduling.visit.VisitStatus;
import fi.voimala.scheduling.visit.api.VisitApi.VisitView;
import java.time.Instant;

/** A visit as the API shows it (with the names a planner reads) and as its events carry it. */
public final class VisitMapper {

    private VisitMapper() {
    }

    public static VisitView toView(Visit v, VisitNames names) {
        return new VisitView(v.id, v.version, v.seriesId, v.ordinal, names.groupOf(v.seriesId), names.groupName(v.seriesId),
                v.siteId, names.siteName(v.siteId), v.pairId, v.artsProfessionalId, names.personName(v.artsProfessionalId),
                v.careProfessionalId, names.personName(v.careProfessionalId), v.startsAt, v.endsAt,
                VisitStatus.valueOf(v.status), v.statusReason, v.sequence, v.previousStartsAt, v.previousEndsAt,
                v.sessionRecordId);
    }

    public static VisitEventData toEvent(Visit v) {
        return toEvent(v, v.statusReason, null, null);
    }

    /** A move's event: the time before it, and why. */
    public static VisitEventData toEvent(Visit v, String reason, Instant previousStartsAt, Instant previousEndsAt) {
        return new VisitEventData(v.id, v.version, v.seriesId, v.ordinal, v.pairId, v.siteId, v.artsProfessionalId,
                v.careProfessionalId, v.startsAt, v.endsAt, v.status, v.sequence, reason, previousStartsAt,
                previousEndsAt, v.sessionRecordId);
    }
}
