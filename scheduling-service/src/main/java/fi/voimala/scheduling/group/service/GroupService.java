package fi.voimala.scheduling.group.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import fi.voimala.scheduling.access.SchedulingAccess;
import fi.voimala.scheduling.access.SchedulingAccess.Scope;
import fi.voimala.scheduling.events.SchedulingEvents;
import fi.voimala.scheduling.group.ActivityGroup;
import fi.voimala.scheduling.group.TargetGroup;
import fi.voimala.scheduling.group.api.GroupApi.GroupRequest;
import fi.voimala.scheduling.group.api.GroupApi.GroupView;
import fi.voimala.scheduling.group.mapping.GroupMapper;
import fi.voimala.scheduling.group.repository.GroupRepository;
import fi.voimala.scheduling.partner.SiteCopy;
import fi.voimala.scheduling.partner.repository.SiteCopyRepository;
import fi.voimala.scheduling.persistence.SchedulingConstraints;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Activity groups: creating and changing them (coordinator; org-admin at its own organisation's sites), each with its
 * event ({@code group.created}, {@code group.changed}) in the same transaction, and reading them for whoever may: the
 * org-admin its sites' groups, a professional the groups its pairs run series for.
 */
@ApplicationScoped
public class GroupService {

    public static final Map<String, String> SORTABLE = Map.of("name", "name", "targetGroup", "targetGroup", "size", "size");

    @Inject
    GroupRepository groups;
    @Inject
    SiteCopyRepository sites;
    @Inject
    SchedulingAccess access;
    @Inject
    SchedulingEvents events;

    public record Criteria(UUID siteId, UUID organisationId, TargetGroup targetGroup, String text) {
    }

    @WithTransaction
    public Uni<GroupView> create(Caller caller, GroupRequest request) {
        return access.scopeOf(caller).chain(scope -> usableSite(scope, request.siteId()).chain(site -> {
                    ActivityGroup group = new ActivityGroup();
                    group.id = UUID.randomUUID();
                    group.createdAt = Instant.now();
                    GroupMapper.apply(group, request);
                    return groups.persist(group).call(() -> groups.flush())
                            .call(() -> events.record(SchedulingEvents.GROUP_CREATED, group.id, GroupMapper.toEvent(group)))
                            .map(saved -> GroupMapper.toView(saved, site));
                }))
                .onFailure().transform(SchedulingConstraints::translate);
    }

    /** Replaces the changeable fields; a group moves to another site only while it has no series. */
    @WithTransaction
    public Uni<GroupView> change(Caller caller, UUID id, GroupRequest request) {
        return access.scopeOf(caller).chain(scope -> load(id).chain(group -> sites.findById(group.siteId)
                        .invoke(current -> SchedulingAccess.require(scope.administers(current.organisationId)))
                        .invoke(() -> StoreErrors.requireVersion(request.version(), group.version))
                        .chain(current -> group.siteId.equals(request.siteId()) ? Uni.createFrom().item(current)
                                : groups.hasSeries(group.id).chain(hasSeries -> {
                                    if (hasSeries) {
                                        throw new RuleViolationException("siteId", "unchanged-with-series",
                                                "the group's series are planned at " + current.name + "; it cannot move to another site");
                                    }
                                    return usableSite(scope, request.siteId());
                                }))
                        .chain(site -> {
                            GroupMapper.apply(group, request);
                            // flushed first, so that the event carries the version the change gave the group
                            return groups.flush()
                                    .call(() -> events.record(SchedulingEvents.GROUP_CHANGED, group.id, GroupMapper.toEvent(group)))
                                    .map(flushed -> GroupMapper.toView(group, site));
                        })))
                .onFailure().transform(SchedulingConstraints::translate);
    }

    @WithSession
    public Uni<GroupView> get(Caller caller, UUID id) {
        return access.scopeOf(caller).chain(scope -> load(id).chain(group -> sites.findById(group.siteId)
                .call(site -> requireSees(scope, group, site))
                .map(site -> GroupMapper.toView(group, site))));
    }

    @WithSession
    public Uni<Page<GroupView>> list(Caller caller, Criteria criteria, PageRequest page) {
        return access.scopeOf(caller).chain(scope -> {
            Filter filter = new Filter()
                    .where("siteId = :site", "site", criteria.siteId())
                    .where("siteId in (select s.id from SiteCopy s where s.organisationId = :organisation)", "organisation",
                            criteria.organisationId())
                    .where("targetGroup = :target", "target", criteria.targetGroup() == null ? null : criteria.targetGroup().name())
                    .containsText(criteria.text(), "name");
            limitToScope(filter, scope);
            return Page.fetch(groups.find(filter.query(), page.toSort(), filter.parameters()), page, g -> g);
        }).chain(found -> siteMap(found.items()).map(siteOf -> found.withItems(
                found.items().stream().map(g -> GroupMapper.toView(g, siteOf.get(g.siteId))).toList())));
    }

    /**
     * The groups a caller sees, in the query itself: all (coordinator); those at its organisation's sites
     * (org-admin); those its pairs run series for (artist, care professional); a person with both roles, both.
     */
    static void limitToScope(Filter filter, Scope scope) {
        if (scope.everything()) {
            return;
        }
        List<String> any = new ArrayList<>();
        if (scope.admin()) {
            any.add("siteId in (select s.id from SiteCopy s where s.organisationId = :own)");
            filter.parameters().and("own", scope.organisationOrNone());
        }
        any.add("id in (select se.groupId from Series se where se.pairId in (select p.id from PairCopy p"
                + " where p.artsProfessionalId = :me or p.careProfessionalId = :me))");
        filter.parameters().and("me", scope.professionalOrNone());
        filter.where("(" + String.join(" or ", any) + ")");
    }

    private Uni<Void> requireSees(Scope scope, ActivityGroup group, SiteCopy site) {
        if (scope.everything() || (scope.admin() && site != null && scope.administers(site.organisationId))) {
            return Uni.createFrom().voidItem();
        }
        if (scope.professionalId() == null) {
            return Uni.createFrom().failure(new io.quarkus.security.ForbiddenException());
        }
        return groups.runBy(group.id, scope.professionalId()).invoke(SchedulingAccess::require).replaceWithVoid();
    }

    /** A site a group may be at: known here (422 otherwise), the caller's to administer (403), and open (422). */
    private Uni<SiteCopy> usableSite(Scope scope, UUID siteId) {
        return sites.findById(siteId)
                .onItem().ifNull().failWith(() -> new RuleViolationException("siteId", "referenced-exists",
                        "no such site is known to scheduling"))
                .invoke(site -> {
                    SchedulingAccess.require(scope.administers(site.organisationId));
                    if (!site.isOpen()) {
                        throw new RuleViolationException("siteId", "site-open", "the site " + site.name + " was closed on "
                                + site.closedOn);
                    }
                });
    }

    private Uni<Map<UUID, SiteCopy>> siteMap(List<ActivityGroup> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return sites.list("id in ?1", list.stream().map(g -> g.siteId).distinct().toList())
                .map(found -> found.stream().collect(Collectors.toMap(s -> s.id, Function.identity())));
    }

    private Uni<ActivityGroup> load(UUID id) {
        return groups.findById(id).onItem().ifNull().failWith(() -> notFound("activity group", id));
    }
}
