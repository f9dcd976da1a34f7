package fi.voimala.partners.professional.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.partners.access.PartnerAccess;
import fi.voimala.partners.events.PartnerEvents;
import fi.voimala.partners.organisation.repository.OrganisationRepository;
import fi.voimala.partners.pair.repository.PairRepository;
import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.partners.persistence.PartnerConstraints;
import fi.voimala.platform.persistence.StoreErrors;
import fi.voimala.partners.professional.Field;
import fi.voimala.partners.professional.Profession;
import fi.voimala.partners.professional.Professional;
import fi.voimala.partners.professional.api.ProfessionalApi.ProfessionalView;
import fi.voimala.partners.professional.mapping.ProfessionalMapper;
import fi.voimala.partners.professional.repository.ProfessionalRepository;
import fi.voimala.partners.professional.api.ProfessionalApi.ProfessionalRequest;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import fi.voimala.platform.security.PlatformRole;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.ForbiddenException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Professionals: registering and changing them, and who sees whom. */
@ApplicationScoped
public class ProfessionalService {

    public static final Map<String, String> SORTABLE = Map.of(
            "lastName", "lastName", "firstName", "firstName", "profession", "profession", "field", "field");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    @Inject
    ProfessionalRepository professionals;
    @Inject
    OrganisationRepository organisations;
    @Inject
    PairRepository pairs;
    @Inject
    PartnerAccess access;
    @Inject
    PartnerEvents events;

    /** Filters a list may take; each is optional. */
    public record Criteria(UUID organisationId, Field field, Profession profession, String text) {
    }

    @WithTransaction
    public Uni<ProfessionalView> register(Caller caller, ProfessionalRequest request) {
        checkRules(request);
        requireMayLinkLogin(caller, null, request.keycloakUserId());
        Professional professional = new Professional();
        professional.id = UUID.randomUUID();
        professional.createdAt = Instant.now();
        return access.requireAdminOf(caller, request.organisationId())
                .chain(() -> organisations.requireReferenced(request.organisationId(), true).replaceWithVoid())
                .invoke(() -> apply(professional, request))
                .chain(() -> requireUnique(professional))
                .chain(() -> professionals.persistAndFlush(professional))
                .call(saved -> events.record(PartnerEvents.PROFESSIONAL_REGISTERED, saved.id, ProfessionalMapper.toEvent(saved)))
                .map(ProfessionalMapper::toView)
                .onFailure().transform(PartnerConstraints::translate);
    }

    @WithTransaction
    public Uni<ProfessionalView> update(Caller caller, UUID id, ProfessionalRequest request) {
        checkRules(request);
        return load(id)
                // An org-admin may change its own people, and may not move them to another organisation.
                .call(professional -> access.requireAdminOf(caller, professional.organisationId))
                .call(professional -> access.requireAdminOf(caller, request.organisationId()))
                .invoke(professional -> StoreErrors.requireVersion(request.version(), professional.version))
                .invoke(professional -> requireMayLinkLogin(caller, professional.keycloakUserId, request.keycloakUserId()))
                .call(professional -> keepsFieldWhilePaired(professional, request))
                .call(professional -> professional.organisationId.equals(request.organisationId())
                        ? Uni.createFrom().voidItem() : organisations.requireReferenced(request.organisationId(), true).replaceWithVoid())
                .invoke(professional -> apply(professional, request))
                .call(this::requireUnique)
                .call(professional -> professionals.flush())
                .call(saved -> events.record(PartnerEvents.PROFESSIONAL_UPDATED, saved.id, ProfessionalMapper.toEvent(saved)))
                .map(ProfessionalMapper::toView)
                .onFailure().transform(PartnerConstraints::translate);
    }

    @WithSession
    public Uni<ProfessionalView> get(Caller caller, UUID id) {
        return load(id)
                .call(professional -> access.scopeOf(caller).invoke(scope -> PartnerAccess.require(scope.seesPerson(professional.organisationId, professional.keycloakUserId))))
                .map(ProfessionalMapper::toView);
    }

    @WithSession
    public Uni<Page<ProfessionalView>> list(Caller caller, Criteria criteria, PageRequest page) {
        return access.scopeOf(caller).chain(scope -> {
            Filter filter = new Filter()
                    .where("organisationId = :organisation", "organisation", criteria.organisationId())
                    .where("field = :field", "field", criteria.field() == null ? null : criteria.field().name())
                    .where("profession = :profession", "profession", criteria.profession() == null ? null : criteria.profession().name())
                    .containsText(criteria.text(), "firstName", "lastName", "concat(firstName, ' ', lastName)");
            if (!scope.everything()) {
                if (scope.organisationsPeople()) {
                    filter.where("organisationId = :own", "own", scope.organisationOrNone());
                } else {
                    // An artist or care professional sees their own profile only.
                    filter.where("keycloakUserId = :self", "self", scope.subjectOrNone());
                }
            }
            return Page.fetch(professionals.find(filter.query(), page.toSort(), filter.parameters()), page, ProfessionalMapper::toView);
        });
    }


    private Uni<Professional> load(UUID id) {
        return professionals.findById(id).onItem().ifNull().failWith(() -> notFound("professional", id));
    }


    /**
     * Linking a profile to a login gives that login the profile (and its pairs) as its own, so only the
     * coordinator may set or change it; others send back what they read.
     */
    private static void requireMayLinkLogin(Caller caller, String current, String requested) {
        String wanted = requested == null || requested.isBlank() ? null : requested;
        if (!Objects.equals(current, wanted) && !caller.hasRole(PlatformRole.COORDINATOR)) {
            throw new ForbiddenException();
        }
    }

    /** An active pair is one ARTS_AND_CULTURE with one SOCIAL_AND_HEALTH or EDUCATION: its people keep their field. */
    private Uni<Void> keepsFieldWhilePaired(Professional professional, ProfessionalRequest request) {
        if (professional.field().equals(request.field())) {
            return Uni.createFrom().voidItem();
        }
        return pairs.countActiveWith(professional.id).invoke(active -> {
            if (active > 0) {
                throw new RuleViolationException("field", "field-in-active-pair",
                        "this professional is in " + active + " active pair(s); dissolve them before changing the field");
            }
        }).replaceWithVoid();
    }

    private static void checkRules(ProfessionalRequest request) {
        if (request.profession().field() != request.field()) {
            throw new RuleViolationException("profession", "profession-in-field",
                    request.profession() + " is a profession of " + request.profession().field() + ", not of " + request.field());
        }
        if (request.languages() != null) {
            for (String language : request.languages()) {
                if (!LANGUAGES.contains(language)) {
                    throw new RuleViolationException("languages", "iso-639-1", "'" + language + "' is not an ISO 639-1 language code");
                }
            }
        }
    }

    private Uni<Void> requireUnique(Professional professional) {
        return professionals.findByEmail(professional.email)
                .invoke(other -> {
                    if (other != null && !other.id.equals(professional.id)) {
                        throw new RuleViolationException("email", "unique", "another professional has this e-mail address");
                    }
                })
                .chain(() -> professional.keycloakUserId == null ? Uni.createFrom().nullItem()
                        : professionals.findByKeycloakUserId(professional.keycloakUserId))
                .invoke(other -> {
                    if (other != null && !other.id.equals(professional.id)) {
                        throw new RuleViolationException("keycloakUserId", "unique", "another professional has this login");
                    }
                })
                .replaceWithVoid();
    }

    private static void apply(Professional professional, ProfessionalRequest request) {
        professional.organisationId = request.organisationId();
        professional.firstName = request.firstName().strip();
        professional.lastName = request.lastName().strip();
        professional.email = request.email().strip();
        professional.phone = request.phone();
        professional.field = request.field().name();
        professional.profession = request.profession().name();
        professional.methods = request.methods() == null ? new String[0]
                : request.methods().stream().map(Enum::name).sorted().toArray(String[]::new);
        professional.languages = request.languages() == null ? new String[0]
                : request.languages().stream().sorted().toArray(String[]::new);
        professional.keycloakUserId = request.keycloakUserId() == null || request.keycloakUserId().isBlank() ? null : request.keycloakUserId();
        professional.updatedAt = Instant.now();
    }

}
