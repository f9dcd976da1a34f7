package fi.voimala.gateway.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

/**
 * The CSRF rule on its own, request by request (plain JUnit): which requests need proof, and which proof counts.
 * {@link CsrfSessionTest} repeats the main cases through the running gateway with a real session.
 */
class CsrfGuardTest {

    private static MultiMap headers(String... namesAndValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    @Test
    void aSessionStateChangeNeedsTheHeader() {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
            assertTrue(CsrfGuard.refusal(method, headers("Cookie", "q_session=abc")).isPresent(), method.name());
            assertTrue(CsrfGuard.refusal(method, headers("Cookie", "x=1; q_session_chunk_1=abc")).isPresent());
            assertFalse(CsrfGuard.refusal(method,
                    headers("Cookie", "q_session=abc", "X-Requested-With", "JavaScript")).isPresent());
        }
    }

    @Test
    void onlyTheWebUisValueCounts() {
        assertTrue(CsrfGuard.refusal(HttpMethod.POST,
                headers("Cookie", "q_session=abc", "X-Requested-With", "")).isPresent());
        assertTrue(CsrfGuard.refusal(HttpMethod.POST,
                headers("Cookie", "q_session=abc", "X-Requested-With", "XMLHttpRequest")).isPresent());
    }

    @Test
    void anotherSiteIsRefusedEvenWithTheHeader() {
        for (String site : new String[] {"cross-site", "same-site", "none"}) {
            assertTrue(CsrfGuard.refusal(HttpMethod.POST, headers("Cookie", "q_session=abc",
                    "X-Requested-With", "JavaScript", "Sec-Fetch-Site", site)).isPresent(), site);
        }
        assertFalse(CsrfGuard.refusal(HttpMethod.POST, headers("Cookie", "q_session=abc",
                "X-Requested-With", "JavaScript", "Sec-Fetch-Site", "same-origin")).isPresent());
    }

    @Test
    void readsBearerCallsAndCallsWithoutSessionNeedNothing() {
        assertFalse(CsrfGuard.refusal(HttpMethod.GET, headers("Cookie", "q_session=abc")).isPresent());
        assertFalse(CsrfGuard.refusal(HttpMethod.HEAD, headers("Cookie", "q_session=abc")).isPresent());
        assertFalse(CsrfGuard.refusal(HttpMethod.POST,
                headers("Cookie", "q_session=abc", "Authorization", "Bearer x")).isPresent());
        assertFalse(CsrfGuard.refusal(HttpMethod.POST, headers("Cookie", "q_sessionless=1; other=2")).isPresent());
        assertFalse(CsrfGuard.refusal(HttpMethod.DELETE, headers()).isPresent());
    }
}
