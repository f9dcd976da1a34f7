package fi.voimala.outcomes.instrument.definition;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads instrument definitions from JSON, strictly: an unknown or misspelt property, a duplicated key or a
 * fraction where an integer belongs is an error rather than silently ignored, because a definition decides how
 * people's answers are scored. Reading checks only the shape; {@link DefinitionValidator} checks the meaning.
 */
public final class InstrumentDefinitions {

    /** The class-path folder of the shipped definitions; {@code index.txt} in it lists them, one a line. */
    public static final String SHIPPED_FOLDER = "instruments/";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private InstrumentDefinitions() {
    }

    public static InstrumentDefinition read(String json) {
        try {
            return MAPPER.readValue(json, InstrumentDefinition.class);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    public static InstrumentDefinition read(InputStream json) {
        try {
            return MAPPER.readValue(json, InstrumentDefinition.class);
        } catch (IOException e) {
            throw invalid(e);
        }
    }

    /** The definitions shipped with the service, in the order of {@code instruments/index.txt}. */
    public static List<InstrumentDefinition> shipped() {
        List<InstrumentDefinition> definitions = new ArrayList<>();
        for (String file : shippedFiles()) {
            try (InputStream in = open(SHIPPED_FOLDER + file)) {
                definitions.add(read(in));
            } catch (InvalidDefinitionJsonException e) {
                throw new IllegalStateException("shipped instrument " + file + " cannot be read: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return definitions;
    }

    /** The file names listed in {@code instruments/index.txt}; blank lines and {@code #} comments skipped. */
    public static List<String> shippedFiles() {
        List<String> files = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(open(SHIPPED_FOLDER + "index.txt"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String file = line.strip();
                if (!file.isEmpty() && !file.startsWith("#")) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static InputStream open(String resource) {
        // The context loader first: under Quarkus it is the one that sees the application's resources.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null) {
            in = InstrumentDefinitions.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("missing class-path resource " + resource);
        }
        return in;
    }

    private static InvalidDefinitionJsonException invalid(IOException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new InvalidDefinitionJsonException(new DefinitionProblem(path(unknown), "unknown-property",
                    "the definition has no property \"" + unknown.getPropertyName() + "\""), e);
        }
        if (e instanceof JsonMappingException mapping) {
            return new InvalidDefinitionJsonException(
                    new DefinitionProblem(path(mapping), "format", "the value is not of the expected type: "
                            + mapping.getOriginalMessage()), e);
        }
        String message = e instanceof JsonParseException parse ? parse.getOriginalMessage() : e.getMessage();
        return new InvalidDefinitionJsonException(
                new DefinitionProblem("", "json", "the text is not valid JSON: " + message), e);
    }

    /** Jackson's reference chain as the validator writes paths: {@code scores[0].lookup}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
