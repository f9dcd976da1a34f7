package fi.voimala.partners.site.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.partners.access.PartnerAccess;
import fi.voimala.partners.events.PartnerEvents;
import fi.voimala.partners.organisation.repository.OrganisationRepository;
import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.partners.calendar.HelsinkiCalendar;
import fi.voimala.partners.persistence.PartnerConstraints;
import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.partners.site.Site;
import fi.voimala.partners.site.SiteType;
import fi.voimala.partners.site.api.SiteApi.SiteView;
import fi.voimala.partners.site.mapping.SiteMapper;
import fi.voimala.partners.site.repository.SiteRepository;
import fi.voimala.partners.site.api.SiteApi.CloseRequest;
import fi.voimala.partners.site.api.SiteApi.SiteRequest;
import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Sites: registering, changing and closing them; a ward's code is unique within its hospital. */
@ApplicationScoped
public class SiteService {

    public static final Map<String, String> SORTABLE = Map.of("name", "name", "type", "type", "city", "city");

    @Inject
    SiteRepository sites;
    @Inject
    OrganisationRepository organisations;
    @Inject
    PartnerAccess access;
    @Inject
    PartnerEvents events;

    public record Criteria(UUID organisationId, SiteType type, String text, Boolean open) {
    }

    @WithTransaction
    public Uni<SiteView> register(Caller caller, SiteRequest request) {
        checkWard(request);
        Site site = new Site();
        site.id = UUID.randomUUID();
        site.createdAt = Instant.now();
        return access.requireAdminOf(caller, request.organisationId())
                .chain(() -> organisations.requireReferenced(request.organisationId(), true).replaceWithVoid())
                .invoke(() -> apply(site, request))
                .chain(() -> requireUniqueWardCode(site))
                .chain(() -> sites.persistAndFlush(site))
                .call(saved -> events.record(PartnerEvents.SITE_REGISTERED, saved.id, SiteMapper.toEvent(saved)))
                .map(SiteMapper::toView)
                .onFailure().transform(PartnerConstraints::translate);
    }

    @WithTransaction
    public Uni<SiteView> update(Caller caller, UUID id, SiteRequest request) {
        checkWard(request);
        return load(id)
                .call(site -> access.requireAdminOf(caller, site.organisationId))
                .call(site -> access.requireAdminOf(caller, request.organisationId()))
                .invoke(site -> StoreErrors.requireVersion(request.version(), site.version))
                .call(site -> site.organisationId.equals(request.organisationId())
                        ? Uni.createFrom().voidItem() : organisations.requireReferenced(request.organisationId(), true).replaceWithVoid())
                .invoke(site -> apply(site, request))
                .call(this::requireUniqueWardCode)
                .call(site -> sites.flush())
                .call(saved -> events.record(PartnerEvents.SITE_UPDATED, saved.id, SiteMapper.toEvent(saved)))
                .map(SiteMapper::toView)
                .onFailure().transform(PartnerConstraints::translate);
    }

    @WithTransaction
    public Uni<SiteView> close(Caller caller, UUID id, CloseRequest request) {
        return load(id)
                .call(site -> access.requireAdminOf(caller, site.organisationId))
                .invoke(site -> {
                    if (site.isClosed()) {
                        throw new ConflictException("already-closed", "the site was closed on " + site.closedOn);
                    }
                    LocalDate on = HelsinkiCalendar.happenedOn(request == null ? null : request.closedOn(), "closedOn");
                    site.closedOn = on;
                    site.closeReason = request == null ? null : request.reason();
                    site.updatedAt = Instant.now();
                })
                .call(site -> sites.flush())
                .call(saved -> events.record(PartnerEvents.SITE_CLOSED, saved.id, SiteMapper.toEvent(saved)))
                .map(SiteMapper::toView)
                .onFailure().transform(PartnerConstraints::translate);
    }

    /** Coordinators see every site; everyone else their own organisation's. */
    @WithSession
    public Uni<SiteView> get(Caller caller, UUID id) {
        return load(id)
                .call(site -> access.scopeOf(caller).invoke(scope -> PartnerAccess.require(scope.covers(site.organisationId))))
                .map(SiteMapper::toView);
    }

    @WithSession
    public Uni<Page<SiteView>> list(Caller caller, Criteria criteria, PageRequest page) {
        return access.scopeOf(caller).chain(scope -> {
            Filter filter = new Filter()
                    .where("organisationId = :organisation", "organisation", criteria.organisationId())
                    .where("type = :type", "type", criteria.type() == null ? null : criteria.type().name())
                    .containsText(criteria.text(), "name", "hospitalName", "wardCode");
            if (criteria.open() != null) {
                filter.where(criteria.open() ? "closedOn is null" : "closedOn is not null");
            }
            if (!scope.everything()) {
                filter.where("organisationId = :own", "own", scope.organisationOrNone());
            }
            return Page.fetch(sites.find(filter.query(), page.toSort(), filter.parameters()), page, SiteMapper::toView);
        });
    }

    private Uni<Site> load(UUID id) {
        return sites.findById(id).onItem().ifNull().failWith(() -> notFound("site", id));
    }

    private static void checkWard(SiteRequest request) {
        boolean ward = request.type() == SiteType.HOSPITAL_WARD;
        if (ward && blank(request.wardCode())) {
            throw new RuleViolationException("wardCode", "ward-code-required", "a hospital ward needs its hospital's ward code");
        }
        if (ward && blank(request.hospitalName())) {
            throw new RuleViolationException("hospitalName", "hospital-required", "a hospital ward needs the name of its hospital");
        }
        if (!ward && !blank(request.wardCode())) {
            throw new RuleViolationException("wardCode", "ward-code-only-for-wards", "only a HOSPITAL_WARD has a ward code");
        }
    }

    private Uni<Void> requireUniqueWardCode(Site site) {
        if (site.wardCode == null || site.isClosed()) {
            return Uni.createFrom().voidItem();
        }
        return sites.findOpenWard(site.organisationId, site.hospitalName, site.wardCode).invoke(other -> {
            if (other != null && !other.id.equals(site.id)) {
                throw new RuleViolationException("wardCode", "unique", "ward " + site.wardCode + " of "
                        + site.hospitalName + " is already registered (" + other.name + ")");
            }
        }).replaceWithVoid();
    }


    private static void apply(Site site, SiteRequest request) {
        boolean ward = request.type() == SiteType.HOSPITAL_WARD;
        site.organisationId = request.organisationId();
        site.name = request.name().strip();
        site.type = request.type().name();
        site.street = request.street();
        site.postalCode = request.postalCode();
        site.city = request.city();
        site.hospitalName = ward ? request.hospitalName().strip() : null;
        site.wardCode = ward ? request.wardCode().strip() : null;
        site.updatedAt = Instant.now();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
