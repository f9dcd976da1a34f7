package fi.voimala.scheduling.feed.rest;

import fi.voimala.scheduling.feed.service.PublicFeedService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A professional's calendar feed at its secret address, outside /api and without a token: calendar apps (Google,
 * Outlook, Apple) cannot send one, so the 256-bit secret in the address is the credential. An unknown or revoked
 * secret is 404.
 */
@Path("/calendar")
@PermitAll
public class PublicFeedResource {

    static final String CALENDAR = "text/calendar; charset=utf-8";
    /** Apps poll; a private cache may keep the feed a few minutes, a shared one never (the address is a secret). */
    static final String CACHE = "private, max-age=300";

    @Inject
    PublicFeedService service;

    @GET
    @Path("/{secret}.ics")
    @Produces(CALENDAR)
    @Operation(summary = "A professional's visits as iCalendar (RFC 5545), at the secret address given when the feed was made")
    public Uni<Response> feed(@PathParam("secret") String secret) {
        return service.render(secret).map(text -> Response.ok(text, CALENDAR).header("Cache-Control", CACHE).build());
    }
}
