package fi.voimala.partners.organisation.mapping;

import fi.voimala.partners.events.OrganisationEventData;
import fi.voimala.partners.organisation.Organisation;
import fi.voimala.partners.organisation.Sector;
import fi.voimala.partners.organisation.api.OrganisationApi.MembershipStatus;
import fi.voimala.partners.organisation.api.OrganisationApi.OrganisationView;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** An organisation as the API shows it and as its events carry it: both mappings from the entity, in one place. */
public final class OrganisationMapper {

    private OrganisationMapper() {
    }

    public static OrganisationView toView(Organisation o) {
        return new OrganisationView(o.id, o.version, o.name, o.businessId, sectors(o), o.memberSince, o.memberUntil,
                o.leaveReason, o.hasLeft() ? MembershipStatus.LEFT : MembershipStatus.MEMBER, o.keycloakAlias);
    }

    public static OrganisationEventData toEvent(Organisation o) {
        return new OrganisationEventData(o.id, o.version, o.name, o.businessId, sectors(o), o.memberSince, o.memberUntil,
                o.leaveReason, o.hasLeft() ? OrganisationEventData.Status.LEFT : OrganisationEventData.Status.MEMBER,
                o.keycloakAlias);
    }

    private static Set<Sector> sectors(Organisation o) {
        Set<Sector> sectors = new TreeSet<>();
        Arrays.stream(o.sectors).map(Sector::valueOf).forEach(sectors::add);
        return sectors;
    }
}
