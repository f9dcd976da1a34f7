package fi.voimala.outcomes.partner.consumer;

import fi.voimala.platform.inbox.Copies;
import fi.voimala.platform.inbox.EventConsumer;
import fi.voimala.platform.inbox.EventHandlers;
import fi.voimala.outcomes.partner.OrganisationCopy;
import fi.voimala.outcomes.partner.PairCopy;
import fi.voimala.outcomes.partner.ProfessionalCopy;
import fi.voimala.outcomes.partner.SiteCopy;
import fi.voimala.outcomes.partner.consumer.PartnerEventData.Organisation;
import fi.voimala.outcomes.partner.consumer.PartnerEventData.Pair;
import fi.voimala.outcomes.partner.consumer.PartnerEventData.Professional;
import fi.voimala.outcomes.partner.consumer.PartnerEventData.Site;
import fi.voimala.outcomes.partner.repository.OrganisationCopyRepository;
import fi.voimala.outcomes.partner.repository.PairCopyRepository;
import fi.voimala.outcomes.partner.repository.ProfessionalCopyRepository;
import fi.voimala.outcomes.partner.repository.SiteCopyRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps outcomes' copy of the partner register from partner-events (organisations, professionals, pairs, sites), each
 * replaced only by a newer version. Nothing here ends on its own when the register ends something: a dissolved pair's
 * or a closed site's series is cancelled by scheduling, whose events say so.
 */
@ApplicationScoped
public class PartnerEventsConsumer {

    static final String CONSUMER = "outcomes.partner-events";
    private static final String PREFIX = "fi.voimala.partner.";

    private final EventConsumer events;
    private final EventHandlers handlers;

    PartnerEventsConsumer(EventConsumer events, OrganisationCopyRepository organisations,
                          ProfessionalCopyRepository professionals, PairCopyRepository pairs, SiteCopyRepository sites) {
        this.events = events;
        // Each event carries its aggregate's whole state: one effect per aggregate keeps the copy, whatever happened.
        EventHandlers.Effect<Organisation> organisation = e -> Copies.keep(organisations, e.data().id(), e.data().version(),
                OrganisationCopy::new, o -> o.version, PartnerEventsConsumer::copy, e.data()).replaceWithVoid();
        EventHandlers.Effect<Professional> professional = e -> Copies.keep(professionals, e.data().id(), e.data().version(),
                ProfessionalCopy::new, p -> p.version, PartnerEventsConsumer::copy, e.data()).replaceWithVoid();
        EventHandlers.Effect<Pair> pair = e -> Copies.keep(pairs, e.data().id(), e.data().version(),
                PairCopy::new, p -> p.version, PartnerEventsConsumer::copy, e.data()).replaceWithVoid();
        EventHandlers.Effect<Site> site = e -> Copies.keep(sites, e.data().id(), e.data().version(),
                SiteCopy::new, s -> s.version, PartnerEventsConsumer::copy, e.data()).replaceWithVoid();
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
        to.field = from.field();
        to.keycloakUserId = from.keycloakUserId();
    }

    static void copy(PairCopy to, Pair from) {
        to.id = from.id();
        to.version = from.version();
        to.artsProfessionalId = from.artsProfessionalId();
        to.careProfessionalId = from.careProfessionalId();
        to.status = from.status();
    }

    static void copy(SiteCopy to, Site from) {
        to.id = from.id();
        to.version = from.version();
        to.organisationId = from.organisationId();
        to.name = from.name();
        to.type = from.type();
        to.status = from.status();
    }
}
