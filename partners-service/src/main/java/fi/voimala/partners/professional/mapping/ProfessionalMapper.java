package fi.voimala.partners.professional.mapping;

import fi.voimala.partners.events.ProfessionalEventData;
import fi.voimala.partners.professional.Field;
import fi.voimala.partners.professional.Method;
import fi.voimala.partners.professional.Profession;
import fi.voimala.partners.professional.Professional;
import fi.voimala.partners.professional.api.ProfessionalApi.ProfessionalView;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** A professional as the API shows them and as their events carry them: both mappings from the entity, in one place. */
public final class ProfessionalMapper {

    private ProfessionalMapper() {
    }

    public static ProfessionalView toView(Professional p) {
        return new ProfessionalView(p.id, p.version, p.organisationId, p.firstName, p.lastName, p.email, p.phone,
                Field.valueOf(p.field), Profession.valueOf(p.profession), methods(p), languages(p), p.keycloakUserId);
    }

    public static ProfessionalEventData toEvent(Professional p) {
        return new ProfessionalEventData(p.id, p.version, p.organisationId, p.firstName, p.lastName, p.email, p.phone,
                Field.valueOf(p.field), Profession.valueOf(p.profession), methods(p), languages(p), p.keycloakUserId);
    }

    private static Set<Method> methods(Professional p) {
        Set<Method> methods = new TreeSet<>();
        Arrays.stream(p.methods).map(Method::valueOf).forEach(methods::add);
        return methods;
    }

    private static Set<String> languages(Professional p) {
        return new TreeSet<>(Arrays.asList(p.languages));
    }
}
