package fi.voimala.gateway.security;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * Who is calling: a request with an {@code Authorization} header is a program's, never a browser session's. The
 * tenant resolver (such a request goes to the bearer-only tenant, whatever cookie it carries) and the CSRF guard
 * (such a request needs no proof, since a cross-site page cannot set that header) must agree on this, so both ask
 * here: if one of them treated a request as a program's and the other as a browser's, a forged request could ride
 * on the session cookie without the CSRF proof.
 */
final class Callers {

    private Callers() {
    }

    static boolean isProgram(MultiMap headers) {
        return headers.contains(HttpHeaders.AUTHORIZATION);
    }
}
