package fi.voimala.partners.site.mapping;

import fi.voimala.partners.events.SiteEventData;
import fi.voimala.partners.site.Site;
import fi.voimala.partners.site.SiteType;
import fi.voimala.partners.site.api.SiteApi.SiteStatus;
import fi.voimala.partners.site.api.SiteApi.SiteView;

/** A site as the API shows it and as its events carry it: both mappings from the entity, in one place. */
public final class SiteMapper {

    private SiteMapper() {
    }

    public static SiteView toView(Site s) {
        return new SiteView(s.id, s.version, s.organisationId, s.name, SiteType.valueOf(s.type), s.street,
                s.postalCode, s.city, s.hospitalName, s.wardCode, s.closedOn, s.closeReason,
                s.isClosed() ? SiteStatus.CLOSED : SiteStatus.OPEN);
    }

    public static SiteEventData toEvent(Site s) {
        return new SiteEventData(s.id, s.version, s.organisationId, s.name, SiteType.valueOf(s.type), s.street,
                s.postalCode, s.city, s.hospitalName, s.wardCode, s.closedOn, s.closeReason,
                s.isClosed() ? SiteEventData.Status.CLOSED : SiteEventData.Status.OPEN);
    }
}
