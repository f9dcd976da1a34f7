package fi.voimala.outcomes.instrument.service;

import static fi.voimala.platform.persistence.StoreErrors.notFound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.voimala.outcomes.instrument.Instrument;
import fi.voimala.outcomes.instrument.api.InstrumentApi.InstrumentView;
import fi.voimala.outcomes.instrument.definition.DefinitionProblem;
import fi.voimala.outcomes.instrument.definition.DefinitionValidator;
import fi.voimala.outcomes.instrument.definition.InstrumentDefinition;
import fi.voimala.outcomes.instrument.definition.InstrumentDefinitions;
import fi.voimala.outcomes.instrument.definition.ScoreRule;
import fi.voimala.outcomes.instrument.repository.InstrumentRepository;
import fi.voimala.outcomes.persistence.OutcomesConstraints;
import fi.voimala.platform.problem.ConflictException;
import fi.voimala.platform.problem.Problem.Violation;
import fi.voimala.platform.problem.RuleViolationException;
import fi.voimala.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The instruments: those shipped with the platform (loaded at start when missing) and those an operator imports, each
 * definition validated before it is stored, and read back (parsed once per instrument: a stored version never changes).
 * A new version of an instrument keeps its target and its scores, so that a baseline answered on one version and an
 * end on the next are compared on the same scale.
 */
@ApplicationScoped
public class InstrumentCatalogue {

    private static final Logger LOG = Logger.getLogger(InstrumentCatalogue.class);
    static final String SHIPPED_BY = "voimala (shipped)";

    @Inject
    InstrumentRepository instruments;
    @Inject
    ObjectMapper json;

    private final Map<UUID, InstrumentDefinition> parsed = new ConcurrentHashMap<>();

    void loadShipped(@Observes StartupEvent start) throws Throwable {
        List<InstrumentDefinition> shipped = InstrumentDefinitions.shipped();
        int added = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Multi.createFrom()
                .iterable(shipped)
                .onItem().transformToUniAndConcatenate(d -> instruments.findByKeyAndVersion(d.key(), d.version())
                        .chain(found -> found != null ? Uni.createFrom().item(0)
                                : instruments.persist(entity(d, true, SHIPPED_BY)).replaceWith(1)))
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum())));
        if (added > 0) {
            LOG.infof("Loaded %d shipped instrument definition(s)", added);
        }
    }

    /** Imports a definition (a coordinator): 422 naming what is wrong, 409 when that version exists. */
    public Uni<InstrumentView> importDefinition(Caller caller, InstrumentDefinition definition) {
        List<DefinitionProblem> problems = DefinitionValidator.validate(definition);
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems.stream()
                    .map(p -> new Violation(p.field(), p.rule(), p.message())).toList());
        }
        return Panache.withTransaction(() -> instruments.findByKeyAndVersion(definition.key(), definition.version())
                        .invoke(existing -> {
                            if (existing != null) {
                                throw new ConflictException("version-exists", "instrument " + definition.key()
                                        + " version " + definition.version() + " exists; import it as a new version");
                            }
                        })
                        .chain(nothing -> instruments.findNewest(definition.key()))
                        .invoke(previous -> keepsScores(previous, definition))
                        .chain(previous -> instruments.persist(entity(definition, false, caller.username())))
                        .map(this::view))
                .onFailure().transform(OutcomesConstraints::translate);
    }

    @WithSession
    public Uni<List<InstrumentView>> list(String target) {
        return (target == null ? instruments.listAll(Sort.by("key").and("version"))
                : instruments.list("target", Sort.by("key").and("version"), target))
                .map(found -> found.stream().map(this::view).toList());
    }

    @WithSession
    public Uni<InstrumentView> get(UUID id) {
        return instruments.findById(id).onItem().ifNull().failWith(() -> notFound("instrument", id)).map(this::view);
    }

    /** The parsed definition of a stored instrument. */
    public InstrumentDefinition definitionOf(Instrument instrument) {
        return parsed.computeIfAbsent(instrument.id, id -> InstrumentDefinitions.read(instrument.definition));
    }

    /** The target and the scores (keys, methods, items) of an earlier version stay: they are what outcomes compare. */
    private void keepsScores(Instrument previous, InstrumentDefinition next) {
        if (previous == null) {
            return;
        }
        InstrumentDefinition before = definitionOf(previous);
        if (before.target() != next.target()) {
            throw new RuleViolationException("target", "same-as-earlier-version",
                    "version " + previous.version + " is for " + before.target() + "; a new version keeps the target");
        }
        if (!scoring(before.scores()).equals(scoring(next.scores()))) {
            throw new RuleViolationException("scores", "same-as-earlier-version", "a new version keeps the scores of"
                    + " version " + previous.version + " (keys, items and method): import a new instrument to score"
                    + " differently");
        }
    }

    /** What a score is computed by; a lookup table's values compared as numbers (7.0 is 7.00). */
    private static List<String> scoring(List<ScoreRule> scores) {
        return scores.stream().map(s -> s.key() + ":" + s.method() + ":" + s.items() + ":" + (s.lookup() == null ? ""
                        : new java.util.TreeMap<>(s.lookup()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().stripTrailingZeros().toPlainString()).toList()))
                .toList();
    }

    private Instrument entity(InstrumentDefinition d, boolean shipped, String by) {
        Instrument i = new Instrument();
        i.id = UUID.randomUUID();
        i.key = d.key();
        i.version = d.version();
        i.name = d.name() == null ? d.key() : d.name().en();
        i.target = d.target().name();
        i.textsIncluded = d.textsIncluded();
        try {
            i.definition = json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        i.shipped = shipped;
        i.importedAt = Instant.now();
        i.importedBy = by == null ? "unknown" : by;
        return i;
    }

    private InstrumentView view(Instrument i) {
        return new InstrumentView(i.id, i.key, i.version, i.name, i.target, i.textsIncluded, i.shipped, i.importedAt,
                i.importedBy, i.definition);
    }
}
