package fi.voimala.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With export switched on (ratio 1), requests and what they call are sampled, but a client call without a parent
 * (the relay's and the pruner's queries, every second) starts no trace; with the default ratio 0 nothing is sampled.
 * Plain JUnit on the sampler's decisions.
 */
class PlatformSamplerTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Context ROOT = Context.root();
    private static final Context IN_A_REQUEST = ROOT.with(Span.wrap(SpanContext.create(TRACE, "00f067aa0ba902b7",
            TraceFlags.getSampled(), TraceState.getDefault())));

    @Test
    void exportSwitchedOnSamplesRequestsAndWhatTheyCallButNotBackgroundQueries() {
        PlatformSampler sampler = new PlatformSampler(1.0);
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(sampler, ROOT, SpanKind.SERVER), "a request");
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(sampler, IN_A_REQUEST, SpanKind.CLIENT),
                "a request's query");
        assertEquals(SamplingDecision.DROP, decide(sampler, ROOT, SpanKind.CLIENT), "a background query");
    }

    @Test
    void byDefaultNothingIsSampled() {
        PlatformSampler sampler = new PlatformSampler(0.0);
        assertEquals(SamplingDecision.DROP, decide(sampler, ROOT, SpanKind.SERVER));
        assertEquals(SamplingDecision.DROP, decide(sampler, IN_A_REQUEST, SpanKind.CLIENT));
    }

    private static SamplingDecision decide(PlatformSampler sampler, Context parent, SpanKind kind) {
        return sampler.shouldSample(parent, TRACE, "span", kind, Attributes.empty(), List.of()).getDecision();
    }
}
