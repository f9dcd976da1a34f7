package fi.voimala.scheduling.feed.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import fi.voimala.platform.paging.Filter;
import fi.voimala.platform.paging.Page;
import fi.voimala.platform.paging.PageRequest;
import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import fi.voimala.scheduling.access.SchedulingAccess;
import fi.voimala.scheduling.feed.CalendarFeed;
import fi.voimala.scheduling.feed.FeedSecret;
import fi.voimala.scheduling.feed.api.FeedApi.FeedRequest;
import fi.voimala.scheduling.feed.api.FeedApi.FeedView;
import fi.voimala.scheduling.feed.api.FeedApi.NewFeedView;
import fi.voimala.scheduling.feed.mapping.FeedMapper;
import fi.voimala.scheduling.feed.repository.CalendarFeedRepository;
import fi.voimala.scheduling.partner.ProfessionalCopy;
import fi.voimala.scheduling.partner.repository.ProfessionalCopyRepository;
import fi.voimala.scheduling.persistence.SchedulingConstraints;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Professionals' calendar feeds: making one (which revokes the professional's previous one: a "new link"), listing
 * and revoking them. Allowed for the professional themself, the coordinator, and the org-admin of the professional's
 * organisation. The secret is in the answer to making a feed and nowhere else: only its hash is stored.
 */
@ApplicationScoped
public class CalendarFeedService {

    public static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt");

    @Inject
    CalendarFeedRepository feeds;
    @Inject
    ProfessionalCopyRepository professionals;
    @Inject
    SchedulingAccess access;
    @ConfigProperty(name = "voimala.scheduling.public-url")
    String publicUrl;

    public record Criteria(UUID professionalId, Boolean active) {
    }

    @WithTransaction
    public Uni<NewFeedView> create(Caller caller, FeedRequest request) {
        return access.scopeOf(caller).chain(scope -> {
            UUID wanted = request == null || request.professionalId() == null ? scope.professionalId() : request.professionalId();
            if (wanted == null) {
                throw new RuleViolationException("professionalId", "not-null",
                        "you have no professional profile; name the professional whose calendar this is");
            }
            return professionals.findById(wanted)
                    .onItem().ifNull().failWith(() -> new RuleViolationException("professionalId", "referenced-exists",
                            "no such professional is known to scheduling"))
                    .invoke(person -> SchedulingAccess.require(scope.actsFor(person.id, person)))
                    .chain(person -> {
                        String secret = FeedSecret.newSecret();
                        CalendarFeed feed = new CalendarFeed();
                        feed.id = UUID.randomUUID();
                        feed.professionalId = person.id;
                        feed.secretHash = FeedSecret.hash(secret);
                        feed.createdAt = Instant.now();
                        // The old link is revoked first, by an update of its own: the database allows one active feed each.
                        return feeds.revokeActiveOf(person.id, feed.createdAt)
                                .chain(() -> feeds.persist(feed))
                                .call(() -> feeds.flush())
                                .map(saved -> FeedMapper.toNewView(feed, urlOf(secret)));
                    });
        }).onFailure().transform(SchedulingConstraints::translate);
    }

    /** Revokes a feed: its address answers 404 from now on. */
    @WithTransaction
    public Uni<Void> revoke(Caller caller, UUID id) {
        return load(id)
                .call(feed -> access.requireActsFor(caller, feed.professionalId))
                .invoke(feed -> {
                    if (feed.revokedAt != null) {
                        throw new ConflictException("already-revoked", "the feed was revoked at " + feed.revokedAt);
                    }
                    feed.revokedAt = Instant.now();
                })
                .call(() -> feeds.flush())
                .replaceWithVoid()
                .onFailure().transform(SchedulingConstraints::translate);
    }

    @WithSession
    public Uni<FeedView> get(Caller caller, UUID id) {
        return load(id).chain(feed -> access.requireActsFor(caller, feed.professionalId).map(person -> FeedMapper.toView(feed, person)));
    }

    @WithSession
    public Uni<Page<FeedView>> list(Caller caller, Criteria criteria, PageRequest page) {
        return access.scopeOf(caller).chain(scope -> {
            Filter filter = new Filter().where("professionalId = :person", "person", criteria.professionalId());
            if (criteria.active() != null) {
                filter.where(criteria.active() ? "revokedAt is null" : "revokedAt is not null");
            }
            SchedulingAccess.limitToPeopleActedFor(filter, scope);
            return Page.fetch(feeds.find(filter.query(), page.toSort(), filter.parameters()), page, f -> f);
        }).chain(found -> professionals.byIds(found.items().stream().map(f -> f.professionalId).toList())
                .map(personOf -> found.withItems(found.items().stream()
                        .map(f -> FeedMapper.toView(f, personOf.get(f.professionalId))).toList())));
    }


    /** The address a calendar app subscribes to: the public base, then the secret. */
    String urlOf(String secret) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/calendar/" + secret + ".ics";
    }




    private Uni<CalendarFeed> load(UUID id) {
        return feeds.findById(id).onItem().ifNull().failWith(() -> notFound("calendar feed", id));
    }
}
