package fi.voimala.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one bench run: the Markdown table (results.md) and every raw number (raw.json). */
final class Results {

    /**
     * One line of the table: what was measured, its value, the limit measured in the same run, their ratio (value
     * divided by limit) and the target, if the issue set one.
     */
    record Row(String section, String figure, String value, String limit, String ratio, String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> raw = new LinkedHashMap<>();
    private final Map<String, String> machine = new LinkedHashMap<>();

    void machine(String key, String value) {
        machine.put(key, value);
    }

    void raw(String key, Object value) {
        raw.put(key, value);
    }

    /** A figure compared with its limit; {@code maxRatio} is the target (NaN: none). */
    void ratio(String section, String figure, double value, String unit, String limitName, double limit,
               double maxRatio) {
        double ratio = value / limit;
        rows.add(new Row(section, figure, format(value, unit), limitName + " " + format(limit, unit),
                String.format(Locale.ROOT, "%.2f×", ratio),
                Double.isNaN(maxRatio) ? "" : String.format(Locale.ROOT, "≤ %.1f×", maxRatio),
                Double.isNaN(maxRatio) ? "" : ratio <= maxRatio ? "yes" : "**no**"));
    }

    /** A figure compared with its limit, with a target ratio it must reach ({@code minRatio}). */
    void ratioAtLeast(String section, String figure, double value, String unit, String limitName, double limit,
                      double minRatio) {
        double ratio = value / limit;
        rows.add(new Row(section, figure, format(value, unit), limitName + " " + format(limit, unit),
                String.format(Locale.ROOT, "%.2f×", ratio), String.format(Locale.ROOT, "≥ %.2f×", minRatio),
                ratio >= minRatio ? "yes" : "**no**"));
    }

    /** A figure with an absolute target ({@code max}; NaN: none) and a limit shown beside it. */
    void absolute(String section, String figure, double value, String unit, String limitName, double limit,
                  double max) {
        rows.add(new Row(section, figure, format(value, unit),
                limitName == null ? "" : limitName + " " + format(limit, unit),
                limitName == null ? "" : String.format(Locale.ROOT, "%.2f×", value / limit),
                Double.isNaN(max) ? "" : "< " + format(max, unit),
                Double.isNaN(max) ? "" : value < max ? "yes" : "**no**"));
    }

    /** A figure that is not a number to compare (counts, say), shown as it is. */
    void text(String section, String figure, String value) {
        rows.add(new Row(section, figure, value, "", "", "", ""));
    }

    static String format(double value, String unit) {
        String number = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : Math.abs(value) >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return number + " " + unit;
    }

    List<Row> rows() {
        return rows;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| | figure | Voimala | limit, same run | ratio | target | met |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        String section = null;
        for (Row row : rows) {
            String shown = row.section().equals(section) ? "" : "**" + row.section() + "**";
            section = row.section();
            md.append("| ").append(String.join(" | ", shown, row.figure(), row.value(), row.limit(), row.ratio(),
                    row.target(), row.met())).append(" |\n");
        }
        md.append("\n");
        machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        return md.toString();
    }

    void write(Path out) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), markdown());
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("machine", machine);
        all.put("rows", rows);
        all.put("raw", raw);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("raw.json").toFile(), all);
    }
}
