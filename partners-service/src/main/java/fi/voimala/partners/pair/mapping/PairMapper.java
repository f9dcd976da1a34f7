package fi.voimala.partners.pair.mapping;

import fi.voimala.partners.events.PairEventData;
import fi.voimala.partners.pair.Pair;
import fi.voimala.partners.pair.api.PairApi.PairStatus;
import fi.voimala.partners.pair.api.PairApi.PairView;

/** A pair as the API shows it and as its events carry it: both mappings from the entity, in one place. */
public final class PairMapper {

    private PairMapper() {
    }

    public static PairView toView(Pair p) {
        return new PairView(p.id, p.version, p.artsProfessionalId, p.careProfessionalId, p.formedOn, p.dissolvedOn,
                p.dissolveReason, p.isActive() ? PairStatus.ACTIVE : PairStatus.DISSOLVED);
    }

    public static PairEventData toEvent(Pair p) {
        return new PairEventData(p.id, p.version, p.artsProfessionalId, p.careProfessionalId, p.formedOn, p.dissolvedOn,
                p.dissolveReason, p.isActive() ? PairEventData.Status.ACTIVE : PairEventData.Status.DISSOLVED);
    }
}
