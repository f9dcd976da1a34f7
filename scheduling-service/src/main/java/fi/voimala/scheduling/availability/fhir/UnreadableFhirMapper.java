package fi.voimala.scheduling.availability.fhir;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers an unreadable FHIR body as problem+json 400 {@code unreadable-input}, beside platform-commons' ProblemMappers. */
public class UnreadableFhirMapper {

    @ServerExceptionMapper
    public Response unreadableFhir(UnreadableFhirException e) {
        return e.problem().toResponse();
    }
}
