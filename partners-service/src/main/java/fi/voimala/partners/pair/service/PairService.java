package fi.voimala.partners.pair.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.partners.access.PartnerAccess;
import fi.voimala.partners.access.PartnerAccess.Scope;
import fi.voimala.partners.events.PartnerEvents;
import fi.voimala.partners.pair.Pair;
import fi.voimala.partners.pair.api.PairApi.PairView;
import fi.voimala.partners.pair.mapping.PairMapper;
import fi.voimala.partners.pair.repository.PairRepository;
import fi.voimala.partners.pair.api.PairApi.DissolveRequest;
import fi.voimala.partners.pair.api.PairApi.PairRequest;
import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.partners.calendar.HelsinkiCalendar;
import fi.voimala.partners.persistence.PartnerConstraints;
import fi.voimala.partners.professional.Field;
import fi.voimala.partners.professional.Professional;
import fi.voimala.partners.professional.repository.ProfessionalRepository;
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

/**
 * Pairs: two professionals of different fields, one ARTS_AND_CULTURE with one SOCIAL_AND_HEALTH or EDUCATION,
 * never the same two twice while active. Only the coordinator forms and dissolves them.
 */
@ApplicationScoped
public class PairService {

    public static final Map<String, String> SORTABLE = Map.of("formedOn", "formedOn", "dissolvedOn", "dissolvedOn");
    private static final String INVOLVES_ORGANISATION =
            "(artsProfessionalId in (select p.id from Professional p where p.organisationId = :own)"
            + " or careProfessionalId in (select p.id from Professional p where p.organisationId = :own))";
    private static final String INVOLVES_PERSON =
            "(artsProfessionalId in (select p.id from Professional p where p.keycloakUserId = :self)"
            + " or careProfessionalId in (select p.id from Professional p where p.keycloakUserId = :self))";

    @Inject
    PairRepository pairs;
    @Inject
    ProfessionalRepository professionals;
    @Inject
    PartnerAccess access;
    @Inject
    PartnerEvents events;

    @WithTransaction
    public Uni<PairView> form(PairRequest request) {
        if (request.artsProfessionalId().equals(request.careProfessionalId())) {
            throw new RuleViolationException("careProfessionalId", "different-professionals",
                    "a pair is two different professionals");
        }
        return member("artsProfessionalId", request.artsProfessionalId())
                .invoke(arts -> {
                    if (arts.field() != Field.ARTS_AND_CULTURE) {
                        throw new RuleViolationException("artsProfessionalId", "arts-and-culture-field",
                                "must be a professional of ARTS_AND_CULTURE, not " + arts.field);
                    }
                })
                .chain(() -> member("careProfessionalId", request.careProfessionalId()))
                .invoke(care -> {
                    if (care.field() == Field.ARTS_AND_CULTURE) {
                        throw new RuleViolationException("careProfessionalId", "care-or-education-field",
                                "must be a professional of SOCIAL_AND_HEALTH or EDUCATION, not " + care.field);
                    }
                })
                .chain(() -> pairs.findActive(request.artsProfessionalId(), request.careProfessionalId()))
                .invoke(existing -> {
                    if (existing != null) {
                        throw new RuleViolationException("careProfessionalId", "pair-already-active",
                                "these two already form an active pair (" + existing.id + ")");
                    }
                })
                .chain(() -> {
                    Pair pair = new Pair();
                    pair.id = UUID.randomUUID();
                    pair.artsProfessionalId = request.artsProfessionalId();
                    pair.careProfessionalId = request.careProfessionalId();
                    pair.formedOn = request.formedOn() == null ? HelsinkiCalendar.today() : request.formedOn();
                    pair.createdAt = Instant.now();
                    pair.updatedAt = pair.createdAt;
                    return pairs.persistAndFlush(pair);
                })
                .call(saved -> events.record(PartnerEvents.PAIR_FORMED, saved.id, PairMapper.toEvent(saved)))
                .map(PairMapper::toView)
                .onFailure().transform(PartnerConstraints::translate);
    }

    @WithTransaction
    public Uni<PairView> dissolve(UUID id, DissolveRequest request) {
        return load(id)
                .invoke(pair -> {
                    if (!pair.isActive()) {
                        throw new ConflictException("already-dissolved", "the pair was dissolved on " + pair.dissolvedOn);
                    }
                    LocalDate on = HelsinkiCalendar.happenedOn(request == null ? null : request.dissolvedOn(), "dissolvedOn");
                    if (on.isBefore(pair.formedOn)) {
                        throw new RuleViolationException("dissolvedOn", "after-formed-on", "must not be before formedOn " + pair.formedOn);
                    }
                    pair.dissolvedOn = on;
                    pair.dissolveReason = request == null ? null : request.reason();
                    pair.updatedAt = Instant.now();
                })
                .call(pair -> pairs.flush())
                .call(saved -> events.record(PartnerEvents.PAIR_DISSOLVED, saved.id, PairMapper.toEvent(saved)))
                .map(PairMapper::toView)
                .onFailure().transform(PartnerConstraints::translate);
    }

    @WithSession
    public Uni<PairView> get(Caller caller, UUID id) {
        return load(id).call(pair -> access.scopeOf(caller).chain(scope -> list(scope, null, id, null,
                        new PageRequest(0, 1, "id", false)))
                        .invoke(page -> PartnerAccess.require(page.totalItems() == 1)))
                .map(PairMapper::toView);
    }

    @WithSession
    public Uni<Page<PairView>> list(Caller caller, UUID professionalId, Boolean active, PageRequest page) {
        return access.scopeOf(caller).chain(scope -> list(scope, professionalId, null, active, page));
    }

    private Uni<Page<PairView>> list(Scope scope, UUID professionalId, UUID pairId, Boolean active,
                                     PageRequest page) {
        Filter filter = new Filter()
                .where("(artsProfessionalId = :professional or careProfessionalId = :professional)", "professional", professionalId)
                .where("id = :pair", "pair", pairId);
        if (active != null) {
            filter.where(active ? "dissolvedOn is null" : "dissolvedOn is not null");
        }
        if (!scope.everything()) {
            if (scope.organisationsPeople()) {
                filter.where(INVOLVES_ORGANISATION, "own", scope.organisationOrNone());
            } else {
                filter.where(INVOLVES_PERSON, "self", scope.subjectOrNone());
            }
        }
        return Page.fetch(pairs.find(filter.query(), page.toSort(), filter.parameters()), page, PairMapper::toView);
    }

    private Uni<Pair> load(UUID id) {
        return pairs.findById(id).onItem().ifNull().failWith(() -> notFound("pair", id));
    }

    private Uni<Professional> member(String field, UUID id) {
        return professionals.findById(id).onItem().ifNull()
                .failWith(() -> new RuleViolationException(field, "exists", "no professional has this id"));
    }
}
