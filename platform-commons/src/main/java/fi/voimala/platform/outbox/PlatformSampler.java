package fi.voimala.platform.outbox;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The services' trace sampler (a CDI {@code Sampler} bean replaces Quarkus' configured one): samples the ratio
 * {@code quarkus.otel.traces.sampler.arg} of traces (0 by default, so nothing is exported until it is switched on),
 * but never starts a trace with a client call that has no parent. Those are background work, not requests: the outbox
 * relay's and the pruner's database queries, every second, would otherwise fill the collector with one-query traces.
 * A request's own database calls have the request's span as parent and are sampled with it.
 */
@ApplicationScoped
public class PlatformSampler implements Sampler {

    private final Sampler ratio;

    PlatformSampler(@ConfigProperty(name = "quarkus.otel.traces.sampler.arg", defaultValue = "0") double ratio) {
        this.ratio = Sampler.traceIdRatioBased(ratio);
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                       Attributes attributes, List<LinkData> parentLinks) {
        if (spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()) {
            return SamplingResult.drop();
        }
        return ratio.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "PlatformSampler{" + ratio.getDescription() + ", no traces started by background client calls}";
    }
}
