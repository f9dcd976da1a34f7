package fi.voimala.scheduling.partner.consumer;

import fi.voimala.platform.inbox.EventConsumer;
import fi.voimala.platform.inbox.EventHandlers;
import fi.voimala.scheduling.partner.OrganisationCopy;
import fi.voimala.scheduling.partner.PairCopy;
import fi.voimala.scheduling.partner.ProfessionalCopy;
import fi.voimala.scheduling.partner.SiteCopy;
import fi.voimala.scheduling.partner.consumer.PartnerEventData.Organisation;
import fi.voimala.scheduling.partner.consumer.PartnerEventData.Pair;
import fi.voimala.scheduling.partner.consumer.PartnerEventData.Professional;
import fi.voimala.scheduling.partner.consumer.PartnerEventData.Site;
import fi.voimala.scheduling.partner.repository.OrganisationCopyRepository;
import fi.voimala.scheduling.partner.repository.PairCopyRepository;
import fi.voimala.scheduling.partner.repository.ProfessionalCopyRepository;
import fi.voimala.scheduling.partner.repository.SiteCopyRepository;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps scheduling's copy of the partner register from partner-events: each event carries the aggregate's whole
 * state and version, and a copy is replaced only by a newer version (a replayed or redelivered older event changes
 * nothing). A dissolved pair and a closed site also end their future visits ({@link PartnerChanges}).
 */
@ApplicationScoped
public class PartnerEventsConsumer {

    static final String CONSUMER = "scheduling.partner-events";
    private static final String PREFIX = "fi.voimala.partner.";

    private final EventConsumer events;
    private final EventHandlers handlers;

    PartnerEventsConsumer(EventConsumer events, OrganisationCopyRepository organisations,
                          ProfessionalCopyRepository professionals, PairCopyRepository pairs, SiteCopyRepository sites,
                          PartnerChanges changes) {
        this.events = events;
        this.handlers = EventHandlers
                .on(PREFIX + "organisation.joined.v1", Organisation.class, e -> keep(organisations, e.data().id(), e.data().version(), OrganisationCopy::new, PartnerEventsConsumer::copy, e.data()).replaceWithVoid())
                .and(PREFIX + "organisation.updated.v1", Organisation.class, e -> keep(organisations, e.data().id(), e.data().version(), OrganisationCopy::new, PartnerEventsConsumer::copy, e.data()).replaceWithVoid())
                .and(PREFIX + "organisation.left.v1", Organisation.class, e -> keep(organisations, e.data().id(), e.data().version(), OrganisationCopy::new, PartnerEventsConsumer::copy, e.data()).replaceWithVoid())
                .and(PREFIX + "professional.registered.v1", Professional.class, e -> keep(professionals, e.data().id(), e.data().version(), ProfessionalCopy::new, PartnerEventsConsumer::copy, e.data()).replaceWithVoid())
                .and(PREFIX + "professional.updated.v1", Professional.class, e -> keep(professionals, e.data().id(), e.data().version(), ProfessionalCopy::new, PartnerEventsConsumer::copy, e.data()).replaceWithVoid())
                .and(PREFIX + "pair.formed.v1", Pair.class, e -> keep(pairs, e.data().id(), e.data().version(), PairCopy::new, PartnerEventsConsumer::copy, e.data()).replaceWithVoid())
                .and(PREFIX + "pair.dissolved.v1", Pair.class, e -> keep(pairs, e.data().id(), e.data().version(), PairCopy::new, PartnerEventsConsumer::copy, e.data())
                        .chain(pair -> pair == null || pair.isActive() ? Uni.createFrom().voidItem() : changes.pairDissolved(pair)))
                .and(PREFIX + "site.registered.v1", Site.class, e -> keep(sites, e.data().id(), e.data().version(), SiteCopy::new, PartnerEventsConsumer::copy, e.data()).replaceWithVoid())
                .and(PREFIX + "site.updated.v1", Site.class, e -> keep(sites, e.data().id(), e.data().version(), SiteCopy::new, PartnerEventsConsumer::copy, e.data()).replaceWithVoid())
                .and(PREFIX + "site.closed.v1", Site.class, e -> keep(sites, e.data().id(), e.data().version(), SiteCopy::new, PartnerEventsConsumer::copy, e.data())
                        .chain(site -> site == null || site.isOpen() ? Uni.createFrom().voidItem() : changes.siteClosed(site)));
    }

    @Incoming("partner-events")
    public Uni<Void> onPartnerEvent(Message<String> message) {
        return events.consume(CONSUMER, message, handlers);
    }

    /**
     * Stores the event's state as the copy when the copy is missing or older; answers the stored copy, or null when
     * the event was older than the copy (nothing changed).
     */
    static <E, D> Uni<E> keep(PanacheRepositoryBase<E, UUID> repository, UUID id, long version, Supplier<E> create,
                              BiConsumer<E, D> copy, D data) {
        return repository.findById(id).chain(existing -> {
            if (existing == null) {
                E fresh = create.get();
                copy.accept(fresh, data);
                return repository.persist(fresh);
            }
            if (versionOf(existing) >= version) {
                return Uni.createFrom().nullItem();
            }
            copy.accept(existing, data);
            return Uni.createFrom().item(existing);
        });
    }

    private static long versionOf(Object copy) {
        if (copy instanceof OrganisationCopy o) {
            return o.version;
        } else if (copy instanceof ProfessionalCopy p) {
            return p.version;
        } else if (copy instanceof PairCopy p) {
            return p.version;
        } else if (copy instanceof SiteCopy s) {
            return s.version;
        }
        throw new IllegalArgumentException("not a copy: " + copy);
    }

    static void copy(OrganisationCopy to, Organisation from) {
        to.id = from.id();
        to.version = from.version();
        to.name = from.name();
        to.keycloakAlias = from.keycloakAlias();
        to.status = from.status();
    }

    static void copy(ProfessionalCopy to, Professional from) {
        to.id = from.id();
        to.version = from.version();
        to.organisationId = from.organisationId();
        to.firstName = from.firstName();
        to.lastName = from.lastName();
        to.email = from.email();
        to.field = from.field();
        to.keycloakUserId = from.keycloakUserId();
    }

    static void copy(PairCopy to, Pair from) {
        to.id = from.id();
        to.version = from.version();
        to.artsProfessionalId = from.artsProfessionalId();
        to.careProfessionalId = from.careProfessionalId();
        to.status = from.status();
        to.dissolvedOn = from.dissolvedOn();
        to.dissolveReason = from.dissolveReason();
    }

    static void copy(SiteCopy to, Site from) {
        to.id = from.id();
        to.version = from.version();
        to.organisationId = from.organisationId();
        to.name = from.name();
        to.type = from.type();
        to.street = from.street();
        to.postalCode = from.postalCode();
        to.city = from.city();
        to.hospitalName = from.hospitalName();
        to.wardCode = from.wardCode();
        to.status = from.status();
        to.closedOn = from.closedOn();
        to.closeReason = from.closeReason();
    }
}
