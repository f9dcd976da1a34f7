package fi.voimala.scheduling.group.mapping;

import fi.voimala.scheduling.events.GroupEventData;
import fi.voimala.scheduling.group.ActivityGroup;
import fi.voimala.scheduling.group.Need;
import fi.voimala.scheduling.group.TargetGroup;
import fi.voimala.scheduling.group.api.GroupApi.GroupRequest;
import fi.voimala.scheduling.group.api.GroupApi.GroupView;
import fi.voimala.scheduling.partner.SiteCopy;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An activity group as the API shows it (with its site's name and organisation) and as its events carry it, and a
 * request written onto one.
 */
public final class GroupMapper {

    private GroupMapper() {
    }

    public static GroupView toView(ActivityGroup g, SiteCopy site) {
        return new GroupView(g.id, g.version, g.siteId, site == null ? null : site.name,
                site == null ? null : site.organisationId, g.name, TargetGroup.valueOf(g.targetGroup), g.size, needs(g),
                g.contactName, g.contactPhone, g.contactEmail);
    }

    /** What the group's events carry: everything but the contact person (see {@link GroupEventData}). */
    public static GroupEventData toEvent(ActivityGroup g) {
        return new GroupEventData(g.id, g.version, g.siteId, g.name, g.targetGroup, g.size, List.of(g.needs));
    }

    /** The request's changeable fields onto the group; text trimmed, blank contact fields left empty. */
    public static void apply(ActivityGroup g, GroupRequest request) {
        g.siteId = request.siteId();
        g.name = request.name().strip();
        g.targetGroup = request.targetGroup().name();
        g.size = request.size();
        g.needs = request.needs() == null ? new String[0]
                : request.needs().stream().map(Need::name).sorted().toArray(String[]::new);
        g.contactName = blankToNull(request.contactName());
        g.contactPhone = blankToNull(request.contactPhone());
        g.contactEmail = blankToNull(request.contactEmail());
        g.updatedAt = Instant.now();
    }

    private static Set<Need> needs(ActivityGroup g) {
        return Arrays.stream(g.needs).map(Need::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Need.class)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
