package fi.voimala.platform.paging;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The where-clause of a list query, built from the filters a client gave (each one optional). */
public final class Filter {

    private final List<String> clauses = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    public Filter where(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.and(name, value);
        }
        return this;
    }

    public Filter where(String clause) {
        clauses.add(clause);
        return this;
    }

    /** Case-insensitive "contains" on one or more text properties. */
    public Filter containsText(String text, String... properties) {
        if (text != null && !text.isBlank()) {
            String pattern = "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
            List<String> any = new ArrayList<>();
            for (String property : properties) {
                any.add("lower(" + property + ") like :text");
            }
            clauses.add("(" + String.join(" or ", any) + ")");
            parameters.and("text", pattern);
        }
        return this;
    }

    public String query() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Parameters parameters() {
        return parameters;
    }
}
