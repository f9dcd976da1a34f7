package fi.voimala.partners.organisation.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.partners.access.PartnerAccess;
import fi.voimala.partners.events.PartnerEvents;
import fi.voimala.partners.organisation.BusinessId;
import fi.voimala.partners.organisation.Organisation;
import fi.voimala.partners.organisation.Sector;
import fi.voimala.partners.organisation.api.OrganisationApi.OrganisationView;
import fi.voimala.partners.organisation.mapping.OrganisationMapper;
import fi.voimala.partners.organisation.repository.OrganisationRepository;
import fi.voimala.partners.organisation.api.OrganisationApi.LeaveRequest;
import fi.voimala.partners.organisation.api.OrganisationApi.OrganisationRequest;
import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.partners.calendar.HelsinkiCalendar;
import fi.voimala.partners.persistence.PartnerConstraints;
import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Partner organisations: joining, changes, leaving; and who sees which. */
@ApplicationScoped
public class OrganisationService {

    public static final Map<String, String> SORTABLE = Map.of(
            "name", "name", "memberSince", "memberSince", "businessId", "businessId");

    @Inject
    OrganisationRepository organisations;
    @Inject
    PartnerAccess access;
    @Inject
    PartnerEvents events;

    @WithTransaction
    public Uni<OrganisationView> create(OrganisationRequest request) {
        checkBusinessId(request.businessId());
        Organisation organisation = new Organisation();
        organisation.id = UUID.randomUUID();
        organisation.createdAt = Instant.now();
        apply(organisation, request);
        return requireUnique(organisation)
                .chain(() -> organisations.persistAndFlush(organisation))
                .call(saved -> events.record(PartnerEvents.ORGANISATION_JOINED, saved.id, OrganisationMapper.toEvent(saved)))
                .map(OrganisationMapper::toView)
                .onFailure().transform(PartnerConstraints::translate);
    }

    @WithTransaction
    public Uni<OrganisationView> update(UUID id, OrganisationRequest request) {
        checkBusinessId(request.businessId());
        return load(id)
                .invoke(organisation -> StoreErrors.requireVersion(request.version(), organisation.version))
                .invoke(organisation -> {
                    if (organisation.memberUntil != null && request.memberSince().isAfter(organisation.memberUntil)) {
                        throw new RuleViolationException("memberSince", "before-member-until",
                                "must not be after the day it left, " + organisation.memberUntil);
                    }
                    apply(organisation, request);
                })
                .call(this::requireUnique)
                .call(organisation -> organisations.flush())
                .call(saved -> events.record(PartnerEvents.ORGANISATION_UPDATED, saved.id, OrganisationMapper.toEvent(saved)))
                .map(OrganisationMapper::toView)
                .onFailure().transform(PartnerConstraints::translate);
    }

    /** The organisation leaves the network; everything it had stays, marked by the date it left. */
    @WithTransaction
    public Uni<OrganisationView> leave(UUID id, LeaveRequest request) {
        return load(id)
                .invoke(organisation -> {
                    if (organisation.hasLeft()) {
                        throw new ConflictException("already-left", "the organisation left the network on " + organisation.memberUntil);
                    }
                    LocalDate leftOn = HelsinkiCalendar.happenedOn(request == null ? null : request.leftOn(), "leftOn");
                    if (leftOn.isBefore(organisation.memberSince)) {
                        throw new RuleViolationException("leftOn", "after-member-since", "must not be before memberSince " + organisation.memberSince);
                    }
                    organisation.memberUntil = leftOn;
                    organisation.leaveReason = request == null ? null : request.reason();
                    organisation.updatedAt = Instant.now();
                })
                .call(organisation -> organisations.flush())
                .call(saved -> events.record(PartnerEvents.ORGANISATION_LEFT, saved.id, OrganisationMapper.toEvent(saved)))
                .map(OrganisationMapper::toView)
                .onFailure().transform(PartnerConstraints::translate);
    }

    /** Coordinators and viewers see every organisation; everyone else only their own. */
    @WithSession
    public Uni<OrganisationView> get(Caller caller, UUID id) {
        return load(id).call(organisation -> access.scopeOf(caller)
                        .invoke(scope -> PartnerAccess.require(scope.covers(organisation.id))))
                .map(OrganisationMapper::toView);
    }

    @WithSession
    public Uni<Page<OrganisationView>> list(Caller caller, Sector sector, String text, Boolean member, PageRequest page) {
        return access.scopeOf(caller).chain(scope -> {
            Filter filter = new Filter()
                    .where("array_contains(sectors, :sector)", "sector", sector == null ? null : sector.name())
                    .containsText(text, "name");
            if (member != null) {
                filter.where(member ? "memberUntil is null" : "memberUntil is not null");
            }
            if (!scope.everything() && !caller.hasRole(PlatformRole.VIEWER)) {
                filter.where("id = :own", "own", scope.organisationOrNone());
            }
            return Page.fetch(organisations.find(filter.query(), page.toSort(), filter.parameters()), page, OrganisationMapper::toView);
        });
    }

    private Uni<Organisation> load(UUID id) {
        return organisations.findById(id).onItem().ifNull().failWith(() -> notFound("organisation", id));
    }

    private static void checkBusinessId(String businessId) {
        if (!BusinessId.hasFormat(businessId)) {
            throw new RuleViolationException("businessId", "business-id-format", "must be seven digits, a hyphen and a check digit, e.g. 0112038-9");
        }
        if (!BusinessId.isValid(businessId)) {
            throw new RuleViolationException("businessId", "business-id-check-digit", "the check digit does not match; check the business ID");
        }
    }

    private Uni<Void> requireUnique(Organisation organisation) {
        return organisations.findByBusinessId(organisation.businessId)
                .invoke(other -> {
                    if (other != null && !other.id.equals(organisation.id)) {
                        throw new RuleViolationException("businessId", "unique", "another organisation has this business ID");
                    }
                })
                .chain(() -> organisations.findByAlias(organisation.keycloakAlias))
                .invoke(other -> {
                    if (other != null && !other.id.equals(organisation.id)) {
                        throw new RuleViolationException("keycloakAlias", "unique", "another organisation has this Keycloak alias");
                    }
                })
                .replaceWithVoid();
    }

    private static void apply(Organisation organisation, OrganisationRequest request) {
        organisation.name = request.name().strip();
        organisation.businessId = request.businessId();
        organisation.sectors = request.sectors().stream().map(Enum::name).sorted().toArray(String[]::new);
        organisation.memberSince = request.memberSince();
        organisation.keycloakAlias = request.keycloakAlias();
        organisation.updatedAt = Instant.now();
    }
}
