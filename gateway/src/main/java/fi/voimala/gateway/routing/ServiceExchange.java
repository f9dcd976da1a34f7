package fi.voimala.gateway.routing;

import fi.voimala.gateway.problem.GatewayProblems;
import fi.voimala.platform.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One service's side of the proxy: opens the connection within the connect timeout, lets the service stay
 * silent no longer than the request timeout, and turns every fault into an answer the client can act on:
 * not reachable 503, no answer in time 504 (also when every pooled connection stays busy), an answer broken off
 * 502, each a problem naming the service.
 * On the way it cleans the headers: hop-by-hop headers out both ways, the gateway's X-Forwarded-* in, and a
 * {@code Location} that names the service's own address made to name the gateway's.
 */
final class ServiceExchange implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ServiceExchange.class);
    /** Set once the service accepted the connection: a fault before it means down, after it hanging or broken. */
    private static final String CONNECTED = "voimala.connected";
    private static final String ANSWERED_BY_GATEWAY = "voimala.answered-by-gateway";

    private final String service;
    private final URI target;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    ServiceExchange(String service, URI target, Duration connectTimeout, Duration requestTimeout) {
        this.service = service + "-service";
        this.target = target;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    /**
     * The request to the service; its future completes once a connection is open. The TCP connect timeout is the
     * HTTP client's own ({@code HttpClientOptions}). {@code RequestOptions.setConnectTimeout} is something else in
     * Vert.x 4: the longest wait to get a connection, which includes waiting in the pool for a busy one to come
     * free. It gets the connect timeout plus the request timeout, by when a busy connection has answered or been
     * given up, so that a queue behind a hung service ends in 504 rather than passing for a service that is down.
     */
    OriginRequestProvider origin() {
        int port = ForwardedHeaders.port(target);
        RequestOptions options = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, target.getHost()))
                .setHost(target.getHost()).setPort(port).setSsl("https".equals(target.getScheme()))
                .setConnectTimeout(connectTimeout.plus(requestTimeout).toMillis())
                .setIdleTimeout(requestTimeout.toMillis());
        return context -> context.client().request(new RequestOptions(options))
                .onSuccess(request -> context.set(CONNECTED, Boolean.TRUE));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HopByHopHeaders.strip(context.request().headers());
        ForwardedHeaders.replace(context.request().headers(), context.request().proxiedRequest());
        // The gateway's HTTP client adds the trace context of the gateway's own span (a child of the caller's);
        // the caller's copied headers would arrive first and make the service skip the gateway's span.
        context.request().headers().remove("traceparent").remove("tracestate").remove("baggage");
        return context.sendRequest().recover(failure -> Future.succeededFuture(answerFor(context, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        if (context.get(ANSWERED_BY_GATEWAY, Boolean.class) == null) {
            ProxyResponse response = context.response();
            HopByHopHeaders.strip(response.headers());
            String origin = ForwardedHeaders.origin(context.request().proxiedRequest());
            for (String header : new String[] {"Location", "Content-Location"}) {
                String value = response.headers().get(header);
                if (value != null) {
                    response.headers().set(header, ForwardedHeaders.rewrite(value, target, origin));
                }
            }
        }
        return context.sendResponse();
    }

    private ProxyResponse answerFor(ProxyContext context, Throwable failure) {
        boolean connected = context.get(CONNECTED, Boolean.class) != null;
        if (context.request().proxiedRequest().response().closed()) {
            // The client went away (a closed tab, a load generator stopping): the gateway then breaks off the
            // exchange with the service itself, which is no fault of the service's and answers no one.
            LOG.debugf("%s %s: the client closed the connection before %s answered", context.request().getMethod(),
                    context.request().getURI(), service);
            context.set(ANSWERED_BY_GATEWAY, Boolean.TRUE);
            return context.request().release().response().setStatusCode(499);
        }
        Problem problem;
        if (!connected && connectFailed(failure)) {
            problem = timedOut(failure) ? GatewayProblems.serviceNotConnecting(service, connectTimeout)
                    : GatewayProblems.serviceUnreachable(service);
        } else if (!connected && timedOut(failure)) {
            // Not the TCP connect: the wait for a pooled connection, all of them busy with earlier requests.
            problem = GatewayProblems.serviceBusy(service, connectTimeout.plus(requestTimeout));
        } else if (!connected) {
            problem = GatewayProblems.serviceUnreachable(service);
        } else if (timedOut(failure)) {
            problem = GatewayProblems.gatewayTimeout(service, requestTimeout);
        } else {
            problem = GatewayProblems.badGateway(service);
        }
        LOG.warnf("%s %s: %s (%s)", context.request().getMethod(), context.request().getURI(), problem.detail(),
                failure);
        context.set(ANSWERED_BY_GATEWAY, Boolean.TRUE);
        ProxyResponse response = context.request().release().response();
        response.setStatusCode(problem.status()).setStatusMessage(problem.title());
        response.headers().set(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.setBody(Body.body(GatewayProblems.body(problem)));
        return response;
    }

    /** The TCP connection failed: refused, unreachable, or not accepted in time (netty's ConnectTimeoutException). */
    private static boolean connectFailed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")
                    || (cause instanceof ConnectException && String.valueOf(cause.getMessage()).contains("timed out"))) {
                return true;
            }
        }
        return false;
    }
}
