package fi.voimala.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/events.md as a contract the services' event contract tests check what they emit against: each documented type
 * (the {@code ### type / .other.v1} headings) with its JSON example, and {@link Shapes}, which compares an emitted
 * event's data with its example: the same field names, and the same JSON value type for each field. A documented
 * {@code null} marks a field that may be null; its type is the one it has in another example of the same aggregate.
 */
public final class EventDocument {

    public static final Path DOCUMENT = Path.of("../docs/events.md");
    private static final Pattern HEADING = Pattern.compile("^### (fi\\.voimala\\.[\\w.-]+?)\\.([\\w-]+\\.v\\d+)((?: / \\.[\\w-]+\\.v\\d+)*)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventDocument() {
    }

    /** Each documented type starting with {@code prefix} and its example, read from the markdown by the type's heading. */
    public static Map<String, JsonNode> documentedExamples(String prefix) throws IOException {
        String markdown = Files.readString(DOCUMENT);
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        Matcher heading = HEADING.matcher(markdown);
        while (heading.find()) {
            int next = markdown.indexOf("\n### ", heading.end());
            String section = markdown.substring(heading.end(), next < 0 ? markdown.length() : next);
            Matcher block = JSON_BLOCK.matcher(section);
            assertTrue(block.find(), "no json example under " + heading.group());
            JsonNode example = JSON.readTree(block.group(1));
            String aggregate = heading.group(1);
            if (!aggregate.startsWith(prefix)) {
                continue;
            }
            examples.put(aggregate + "." + heading.group(2), example);
            for (String other : heading.group(3).split(" / \\.")) {
                if (!other.isBlank()) {
                    examples.put(aggregate + "." + other.strip(), example);
                }
            }
        }
        return examples;
    }

    /**
     * The JSON type of each field of each aggregate ({@code fi.voimala.partner.organisation}, ...), from every
     * example of that aggregate in the document: a field shown null in one example (e.g. {@code memberUntil} under
     * {@code joined}) takes its type from an example where it is not (under {@code left}), and may be emitted null
     * only if some example of its aggregate shows it null.
     */
    public record Shapes(Map<String, JsonNode> typed, Set<String> nullable) {

        public static Shapes of(Map<String, JsonNode> documented) {
            Map<String, JsonNode> typed = new LinkedHashMap<>();
            Set<String> nullable = new TreeSet<>();
            documented.forEach((type, example) -> collect(type, aggregate(type), "", example, typed, nullable));
            for (String field : nullable) {
                assertTrue(typed.containsKey(field), field + " is null in every example of " + DOCUMENT
                        + ": show it non-null in one (e.g. under the type that sets it), so that its type is checked");
            }
            return new Shapes(typed, nullable);
        }

        private static void collect(String type, String aggregate, String path, JsonNode node, Map<String, JsonNode> typed,
                                    Set<String> nullable) {
            String key = aggregate + " " + path;
            if (node.isNull()) {
                nullable.add(key);
                return;
            }
            JsonNode known = typed.putIfAbsent(key, node);
            if (known != null) {
                assertEquals(kind(known), kind(node), type + " " + field(path) + ": the examples of " + DOCUMENT
                        + " disagree on its JSON type");
            }
            if (node.isObject()) {
                node.fields().forEachRemaining(f -> collect(type, aggregate, path + "." + f.getKey(), f.getValue(), typed,
                        nullable));
            } else if (node.isArray()) {
                node.forEach(item -> collect(type, aggregate, path + "[]", item, typed, nullable));
            }
        }

        public void assertMatches(String type, JsonNode example, JsonNode emitted) {
            assertMatches(type, aggregate(type), "", example, emitted);
        }

        private void assertMatches(String type, String aggregate, String path, JsonNode documented, JsonNode emitted) {
            String key = aggregate + " " + path;
            String where = type + " " + field(path) + ": ";
            if (emitted == null || emitted.isNull()) {
                assertTrue(nullable.contains(key), where + "documented " + kind(documented) + ", emitted null");
                return;
            }
            String note = "";
            if (documented.isNull()) {
                // Documented null here: the type comes from an example where the field is not null.
                documented = typed.get(key);
                note = " (null in this example)";
            }
            assertEquals(kind(documented), kind(emitted),
                    where + "documented " + kind(documented) + note + ", emitted " + kind(emitted));
            if (documented.isObject()) {
                assertEquals(names(documented), names(emitted), where + "field names");
                JsonNode object = documented;
                object.fields().forEachRemaining(f -> assertMatches(type, aggregate, path + "." + f.getKey(), f.getValue(),
                        emitted.get(f.getKey())));
            } else if (documented.isArray() && !documented.isEmpty()) {
                // The test's data gives every list items: an empty one would skip the check of its items.
                assertFalse(emitted.isEmpty(), where + "documented a list with items, emitted an empty list");
                for (JsonNode item : emitted) {
                    assertMatches(type, aggregate, path + "[]", documented.get(0), item);
                }
            }
        }

        /** {@code fi.voimala.partner.organisation} of {@code fi.voimala.partner.organisation.left.v1}. */
        private static String aggregate(String type) {
            return type.substring(0, type.lastIndexOf('.', type.lastIndexOf('.') - 1));
        }

        private static String field(String path) {
            return path.isEmpty() ? "(the data)" : path.substring(1);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> node.isIntegralNumber() ? "whole number" : "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "list";
            case OBJECT -> "object";
            case NULL -> "null";
            default -> node.getNodeType().toString();
        };
    }
}
