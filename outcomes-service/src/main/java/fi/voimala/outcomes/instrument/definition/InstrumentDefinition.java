package fi.voimala.outcomes.instrument.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * A questionnaire as data, one version of it. Instruments are data rather than code so that an operator can
 * import a licensed instrument's texts, or correct a translation, as a new version without a release; answers
 * always refer to the version they were given to. Read with {@link InstrumentDefinitions}, checked with
 * {@link DefinitionValidator}; the records themselves accept anything so that every problem can be reported.
 */
public record InstrumentDefinition(
        String key,
        int version,
        LocalizedText name,
        Target target,
        String licence,
        AnswerScale scale,
        List<Item> items,
        List<ScoreRule> scores) {

    /** Whether every item has its text, i.e. the instrument can be shown, not only scored. */
    @JsonIgnore
    public boolean textsIncluded() {
        return items != null && !items.isEmpty()
                && items.stream().allMatch(item -> item != null && item.text() != null);
    }

    /** The item with this id, or null. */
    public Item item(String id) {
        if (items == null) {
            return null;
        }
        return items.stream().filter(i -> i != null && Objects.equals(i.id(), id)).findFirst().orElse(null);
    }
}
