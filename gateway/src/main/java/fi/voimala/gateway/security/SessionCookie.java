package fi.voimala.gateway.security;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/** Whether a request carries Quarkus OIDC's browser session cookie ({@code q_session}, or its chunks). */
final class SessionCookie {

    static final String NAME = "q_session";

    private SessionCookie() {
    }

    static boolean present(MultiMap headers) {
        for (String header : headers.getAll(HttpHeaders.COOKIE)) {
            for (String cookie : header.split(";")) {
                String name = cookie.split("=", 2)[0].strip();
                if (name.equals(NAME) || name.startsWith(NAME + "_")) {
                    return true;
                }
            }
        }
        return false;
    }
}
