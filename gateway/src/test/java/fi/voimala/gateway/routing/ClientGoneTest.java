package fi.voimala.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.voimala.gateway.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A client that closes its connection before the service answered (a closed browser tab, a load generator stopping)
 * is no fault of the service: the gateway must not log a warning that blames the service for the broken-off exchange,
 * or the operators' log fills with false alarms.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(EchoService.class)
@QuarkusTestResource(BrokenServices.class)
class ClientGoneTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aClientThatLeavesBeforeTheAnswerLeavesNoWarning() throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger exchangeLog = Logger.getLogger(ServiceExchange.class.getName());
        exchangeLog.addHandler(capture);
        try {
            // scheduling-service (BrokenServices) accepts and never answers; the client gives up after 300 ms.
            try (Socket client = new Socket(gateway.getHost(), gateway.getPort())) {
                OutputStream out = client.getOutputStream();
                out.write(("POST /api/series HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + TestTokens.orgAdmin() + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(300);
            }
            Thread.sleep(1500); // past the request timeout (1 s in %test), by when any warning would have been logged
            assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList());
        } finally {
            exchangeLog.removeHandler(capture);
        }
        // And a client that stays still gets its problem answer.
        given().auth().oauth2(TestTokens.orgAdmin()).contentType("application/json").body("{}")
                .when().post("/api/series").then().statusCode(504);
    }
}
