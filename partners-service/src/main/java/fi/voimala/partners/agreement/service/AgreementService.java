package fi.voimala.partners.agreement.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.partners.access.PartnerAccess;
import fi.voimala.partners.agreement.Agreement;
import fi.voimala.partners.agreement.AgreementType;
import fi.voimala.partners.agreement.api.AgreementApi.AgreementView;
import fi.voimala.partners.agreement.mapping.AgreementMapper;
import fi.voimala.partners.agreement.repository.AgreementRepository;
import fi.voimala.partners.agreement.api.AgreementApi.AgreementRequest;
import fi.voimala.partners.organisation.repository.OrganisationRepository;
import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.partners.persistence.PartnerConstraints;
import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Agreements: the coordinator keeps them; an org-admin reads its own organisation's. */
@ApplicationScoped
public class AgreementService {

    public static final Map<String, String> SORTABLE = Map.of("validFrom", "validFrom", "title", "title", "type", "type");

    @Inject
    AgreementRepository agreements;
    @Inject
    OrganisationRepository organisations;
    @Inject
    PartnerAccess access;

    @WithTransaction
    public Uni<AgreementView> create(AgreementRequest request) {
        checkValidity(request);
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.createdAt = Instant.now();
        return organisations.requireReferenced(request.organisationId(), false)
                .invoke(() -> apply(agreement, request))
                .chain(() -> agreements.persistAndFlush(agreement))
                .map(AgreementMapper::toView)
                .onFailure().transform(PartnerConstraints::translate);
    }

    @WithTransaction
    public Uni<AgreementView> update(UUID id, AgreementRequest request) {
        checkValidity(request);
        return load(id)
                .invoke(agreement -> StoreErrors.requireVersion(request.version(), agreement.version))
                .call(agreement -> organisations.requireReferenced(request.organisationId(), false))
                .invoke(agreement -> apply(agreement, request))
                .call(agreement -> agreements.flush())
                .map(AgreementMapper::toView)
                .onFailure().transform(PartnerConstraints::translate);
    }

    @WithSession
    public Uni<AgreementView> get(Caller caller, UUID id) {
        return load(id)
                .call(agreement -> access.scopeOf(caller).invoke(scope -> PartnerAccess.require(scope.covers(agreement.organisationId))))
                .map(AgreementMapper::toView);
    }

    @WithSession
    public Uni<Page<AgreementView>> list(Caller caller, UUID organisationId, AgreementType type, PageRequest page) {
        return access.scopeOf(caller).chain(scope -> {
            Filter filter = new Filter()
                    .where("organisationId = :organisation", "organisation", organisationId)
                    .where("type = :type", "type", type == null ? null : type.name());
            if (!scope.everything()) {
                filter.where("organisationId = :own", "own", scope.organisationOrNone());
            }
            return Page.fetch(agreements.find(filter.query(), page.toSort(), filter.parameters()), page, AgreementMapper::toView);
        });
    }

    private Uni<Agreement> load(UUID id) {
        return agreements.findById(id).onItem().ifNull().failWith(() -> notFound("agreement", id));
    }


    private static void checkValidity(AgreementRequest request) {
        if (request.validUntil() != null && request.validUntil().isBefore(request.validFrom())) {
            throw new RuleViolationException("validUntil", "after-valid-from", "must not be before validFrom " + request.validFrom());
        }
    }

    private static void apply(Agreement agreement, AgreementRequest request) {
        agreement.organisationId = request.organisationId();
        agreement.type = request.type().name();
        agreement.title = request.title().strip();
        agreement.signedOn = request.signedOn();
        agreement.validFrom = request.validFrom();
        agreement.validUntil = request.validUntil();
        agreement.updatedAt = Instant.now();
    }
}
