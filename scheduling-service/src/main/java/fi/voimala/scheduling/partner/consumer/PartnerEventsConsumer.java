package fi.voimala.scheduling.partner.consumer;

import fi.voimala.platform.inbox.Copies;
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
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
        // Each event carries its aggregate's whole state: one effect per aggregate keeps the copy, whatever happened.
        EventHandlers.Effect<Organisation> organisation = e -> Copies.keep(organisations, e.data().id(), e.data().version(),
                OrganisationCopy::new, o -> o.version, PartnerEventsConsumer::copy, e.data()).replaceWithVoid();
        EventHandlers.Effect<Professional> professional = e -> Copies.keep(professionals, e.data().id(), e.data().version(),
                ProfessionalCopy::new, p -> p.version, PartnerEventsConsumer::copy, e.data()).replaceWithVoid();
        EventHandlers.Effect<Pair> pair = e -> Copies.keep(pairs, e.data().id(), e.data().version(),
                PairCopy::new, p -> p.version, PartnerEventsConsumer::copy, e.data())
                .chain(kept -> kept == null || kept.isActive() ? Uni.createFrom().voidItem() : changes.pairDissolved(kept));
        EventHandlers.Effect<Site> site = e -> Copies.keep(sites, e.data().id(), e.data().version(),
                SiteCopy::new, c -> c.version, PartnerEventsConsumer::copy, e.data())
                .chain(kept -> kept == null || kept.isOpen() ? Uni.createFrom().voidItem() : changes.siteClosed(kept));
        this.handlers = EventHandlers
                .on(PREFIX + "organisation.joined.v1", Organisation.class, organisation)
                .and(PREFIX + "organisation.updated.v1", Organisation.class, organisation)
                .and(PREFIX + "organisation.left.v1", Organisation.class, organisation)
                .and(PREFIX + "professional.registered.v1", Professional.class, professional)
                .and(PREFIX + "professional.updated.v1", Professional.class, professional)
                .and(PREFIX + "pair.formed.v1", Pair.class, pair)
                .and(PREFIX + "pair.dissolved.v1", Pair.class, pair)
                .and(PREFIX + "site.registered.v1", Site.class, site)
                .and(PREFIX + "site.updated.v1", Site.class, site)
                .and(PREFIX + "site.closed.v1", Site.class, site);
    }

    @Incoming("partner-events")
    public Uni<Void> onPartnerEvent(Message<String> message) {
        return events.consume(CONSUMER, message, handlers);
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
