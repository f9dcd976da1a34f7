package fi.voimala.partners.events;

import fi.voimala.partners.professional.Field;
import fi.voimala.partners.professional.Method;
import fi.voimala.partners.professional.Profession;
import java.util.Set;
import java.util.UUID;

/**
 * The data of {@code fi.voimala.partner.professional.{registered,updated}.v1}: the professional's whole state after
 * the change, as documented in docs/events.md; independent of the API's view.
 */
public record ProfessionalEventData(UUID id, long version, UUID organisationId, String firstName, String lastName,
                                    String email, String phone, Field field, Profession profession,
                                    Set<Method> methods, Set<String> languages, String keycloakUserId) {
}
