package fi.voimala.scheduling.absence.mapping;

import fi.voimala.scheduling.absence.Absence;
import fi.voimala.scheduling.absence.api.AbsenceApi.AbsenceView;
import fi.voimala.scheduling.partner.ProfessionalCopy;

/** An absence as the API shows it, with the professional's name. */
public final class AbsenceMapper {

    private AbsenceMapper() {
    }

    public static AbsenceView toView(Absence a, ProfessionalCopy professional) {
        return new AbsenceView(a.id, a.version, a.professionalId, professional == null ? null : professional.displayName(),
                a.startsAt, a.endsAt, a.reason, a.createdAt);
    }
}
