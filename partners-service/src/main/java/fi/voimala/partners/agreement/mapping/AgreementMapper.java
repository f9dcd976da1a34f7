package fi.voimala.partners.agreement.mapping;

import fi.voimala.partners.agreement.Agreement;
import fi.voimala.partners.agreement.AgreementType;
import fi.voimala.partners.agreement.api.AgreementApi.AgreementView;

/** An agreement as the API shows it (agreements publish no events). */
public final class AgreementMapper {

    private AgreementMapper() {
    }

    public static AgreementView toView(Agreement a) {
        return new AgreementView(a.id, a.version, a.organisationId, AgreementType.valueOf(a.type), a.title,
                a.signedOn, a.validFrom, a.validUntil);
    }
}
