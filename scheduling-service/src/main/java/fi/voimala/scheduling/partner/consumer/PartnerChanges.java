package fi.voimala.scheduling.partner.consumer;

import fi.voimala.scheduling.partner.PairCopy;
import fi.voimala.scheduling.partner.SiteCopy;
import io.smallrye.mutiny.Uni;

/**
 * What scheduling does when the register ends something its plans rest on; implemented where series and visits are
 * kept. Runs in the transaction that applies the partner event.
 */
public interface PartnerChanges {

    /** The pair was dissolved: its future visits cannot happen. */
    Uni<Void> pairDissolved(PairCopy pair);

    /** The site was closed: nothing can be held there any more. */
    Uni<Void> siteClosed(SiteCopy site);
}
