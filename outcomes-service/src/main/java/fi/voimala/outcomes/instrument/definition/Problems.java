package fi.voimala.outcomes.instrument.definition;

import java.util.ArrayList;
import java.util.List;

/** The problems found so far, and the text checks every part of a definition shares. */
final class Problems {

    private final List<DefinitionProblem> list = new ArrayList<>();

    void add(String field, String rule, String message) {
        list.add(new DefinitionProblem(field, rule, message));
    }

    List<DefinitionProblem> list() {
        return List.copyOf(list);
    }

    void requiredText(String field, LocalizedText text) {
        if (text == null) {
            add(field, "required", "the text is missing; give it in Finnish, Swedish and English");
        } else {
            optionalText(field, text);
        }
    }

    void optionalText(String field, LocalizedText text) {
        if (text == null) {
            return;
        }
        if (DefinitionValidator.isBlank(text.fi())) {
            add(field + ".fi", "required", "the Finnish text is missing");
        }
        if (DefinitionValidator.isBlank(text.sv())) {
            add(field + ".sv", "required", "the Swedish text is missing");
        }
        if (DefinitionValidator.isBlank(text.en())) {
            add(field + ".en", "required", "the English text is missing");
        }
    }
}
