package fi.voimala.outcomes.export.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the export API takes and answers besides its CSV files. */
public final class ExportApi {

    private ExportApi() {
    }

    /** Which measurements an export covers; each optional. */
    public record ExportFilters(UUID seriesId, String instrumentKey, LocalDate measuredFrom, LocalDate measuredTo) {

        /** As written to the export log. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            append(s, "seriesId", seriesId);
            append(s, "instrumentKey", instrumentKey);
            append(s, "measuredFrom", measuredFrom);
            append(s, "measuredTo", measuredTo);
            return s.isEmpty() ? "(all)" : s.toString();
        }

        private static void append(StringBuilder s, String name, Object value) {
            if (value != null) {
                s.append(s.isEmpty() ? "" : " ").append(name).append('=').append(value);
            }
        }
    }

    public record ExportLogView(UUID id, Instant at, String actor, String actorOrganisation, String[] actorRoles,
                                String kind, String filters, int rowsExported) {
    }
}
