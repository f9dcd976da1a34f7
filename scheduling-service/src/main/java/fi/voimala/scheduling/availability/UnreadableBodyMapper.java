package fi.voimala.scheduling.availability;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers an unreadable ward availability body as problem+json 400 {@code unreadable-input}, beside platform-commons' ProblemMappers. */
public class UnreadableBodyMapper {

    @ServerExceptionMapper
    public Response unreadableBody(UnreadableBodyException e) {
        return e.problem().toResponse();
    }
}
