package fi.voimala.platform.problem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Every service reads request bodies strictly, so that a client's mistake is named instead of silently changed: an
 * unknown field (a typo) is refused, and no value is coerced from another JSON type ({@code "version": 1.7} is not
 * 1, {@code "1"} is not a number, {@code 1} is not text, {@code "true"} is not a boolean, {@code 0} is not an
 * enumeration value, {@code ""} is not null). ProblemMappers names the field and what it must be.
 *
 * <p>Only for the REST layer (a JAX-RS {@code ContextResolver}, which Quarkus REST's Jackson reader asks for its
 * mapper): the application's own ObjectMapper stays tolerant, as consumers of other services' events must be
 * (unknown fields ignored, so that a producer may add fields within a type version).
 */
@Provider
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    @Inject
    public StrictJson(ObjectMapper application) {
        this.strict = apply(application.copy());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    /** Also for a plain ObjectMapper (tests, or code that builds its own). */
    @SuppressWarnings("deprecation") // ALLOW_COERCION_OF_SCALARS still guards the primitive deserialisers
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : LogicalType.values()) {
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                if (!natural(type, shape)) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        return mapper;
    }

    /**
     * The JSON shapes a kind of value is read from without coercion: numbers from numbers (whole ones only for
     * whole numbers), text (and what is written as text: dates, ids, enumeration values) from strings.
     */
    private static boolean natural(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Integer || shape == CoercionInputShape.Float;
            case Boolean -> false; // true and false are tokens of their own, never coerced
            case Textual, Enum, DateTime, OtherScalar -> shape == CoercionInputShape.String;
            default -> true; // objects, arrays, maps: Jackson reads them by structure, not by coercion
        };
    }
}
