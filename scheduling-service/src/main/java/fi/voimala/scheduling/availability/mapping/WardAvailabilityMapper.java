package fi.voimala.scheduling.availability.mapping;

import fi.voimala.scheduling.availability.AppliedStatement;
import fi.voimala.scheduling.availability.Availability;
import fi.voimala.scheduling.availability.WardStatement;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.WardStatementView;
import fi.voimala.scheduling.availability.api.WardAvailabilityApi.WindowView;
import fi.voimala.scheduling.events.WardAvailabilityEventData;
import fi.voimala.scheduling.calendar.TimeSlot;
import fi.voimala.scheduling.partner.SiteCopy;
import java.util.Locale;
import java.util.UUID;

/** Statements to event data and applied statements to views, in one place. */
public final class WardAvailabilityMapper {

    private WardAvailabilityMapper() {
    }

    /**
     * The Kafka key and CloudEvent subject of a ward's statements: {@code <hospitalOrganisationId>:<WARDCODE>}. Codes
     * are compared without case, so the key is upper-case: one ward's statements share a partition and stay in order.
     */
    public static String key(UUID hospitalOrganisationId, String wardCode) {
        return hospitalOrganisationId + ":" + wardCode.toUpperCase(Locale.ROOT);
    }

    /** The event of a statement about {@code ward}; the ward code as the register spells it. */
    public static WardAvailabilityEventData toEvent(SiteCopy ward, WardStatement statement, String source) {
        return new WardAvailabilityEventData(ward.organisationId, ward.wardCode, statement.from(), statement.to(),
                statement.state(), statement.reason(), source);
    }

    public static WardStatementView toView(AppliedStatement applied) {
        return new WardStatementView(applied.id, applied.siteId, applied.hospitalOrganisationId, applied.wardCode,
                applied.startsAt, applied.endsAt, Availability.valueOf(applied.state), applied.reason, applied.receivedAt);
    }

    public static WindowView toView(TimeSlot window) {
        return new WindowView(window.start(), window.end());
    }
}
