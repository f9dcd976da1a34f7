package fi.voimala.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The platform's API through the gateway as the demo users, for the e2e tests: real Keycloak tokens, one per user. */
final class Api {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> TOKENS = new HashMap<>();

    private Api() {
    }

    static synchronized RequestSpecification as(String user) {
        String token = TOKENS.computeIfAbsent(user, Tokens::forUser);
        return given().baseUri(RunningPlatform.GATEWAY).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static JsonPath postOnceKnown(String user, String path, Map<String, Object> body, Set<String> notYet)
            throws InterruptedException {
        return postOnceKnown(user, path, body, notYet, 0);
    }

    /**
     * POST as {@code user}, again while the service answers 422 with one of the {@code notYet} rules (its copy of
     * another service's data, fed from Kafka, is behind); the answer {@code giveUpOn} (if not 0) gives null.
     */
    static JsonPath postOnceKnown(String user, String path, Map<String, Object> body, Set<String> notYet, int giveUpOn)
            throws InterruptedException {
        JsonPath gaveUp = JsonPath.from("{}");
        JsonPath answer = waitUntil("POST " + path + " to be taken", () -> {
            Response response = as(user).body(body).post(path);
            if (response.statusCode() == 201) {
                return response.jsonPath();
            }
            if (response.statusCode() == giveUpOn) {
                return gaveUp;
            }
            List<String> rules = response.statusCode() == 422 ? response.jsonPath().getList("violations.rule") : List.of();
            if (rules != null && rules.stream().anyMatch(notYet::contains)) {
                return null;
            }
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.asString());
        });
        return answer == gaveUp ? null : answer;
    }

    /** Polls until {@code check} gives a value (not null), for up to {@link #WAIT}. */
    static <T> T waitUntil(String what, Supplier<T> check) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T value = check.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(500);
        }
    }

}
