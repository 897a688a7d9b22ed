package io.encours.service.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How the service reads and writes JSON, for requests, responses and audit records alike.
 *
 * <p>A credit decision must not rest on a guess: an unknown (misspelt) field, a repeated key, a fraction
 * where a whole number is expected or text after the JSON are errors, not silently ignored. Nothing is
 * coerced: a number must be a JSON number (not {@code "20000"}, not {@code true}), a flag a JSON boolean,
 * a text a JSON string, an enumeration value its name (not its index) and a date an ISO date string (not
 * a day count). Amounts keep their scale and are written in plain notation. Figures that do not apply
 * (null) are left out.
 */
public final class JsonSettings {
    private static final CoercionInputShape STRING = CoercionInputShape.String;
    private static final CoercionInputShape INTEGER = CoercionInputShape.Integer;
    private static final CoercionInputShape FLOAT = CoercionInputShape.Float;
    private static final CoercionInputShape BOOLEAN = CoercionInputShape.Boolean;

    private JsonSettings() {
    }

    public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .defaultLeniency(false)
                .withCoercionConfigDefaults(c -> refuse(c))
                .withCoercionConfig(LogicalType.Integer, c -> refuse(c, STRING, FLOAT, BOOLEAN))
                // a whole number is a number: 20000 is an amount as much as 20000.00
                .withCoercionConfig(LogicalType.Float, c -> refuse(c, STRING, BOOLEAN)
                        .setCoercion(INTEGER, CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.Boolean, c -> refuse(c, STRING, INTEGER, FLOAT))
                .withCoercionConfig(LogicalType.Textual, c -> refuse(c, INTEGER, FLOAT, BOOLEAN))
                .withCoercionConfig(LogicalType.Enum, c -> refuse(c, INTEGER, FLOAT, BOOLEAN))
                .withCoercionConfig(LogicalType.DateTime, c -> refuse(c, INTEGER, FLOAT, BOOLEAN))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL));
    }

    /** Values of these JSON types are refused for the type configured, and so is an empty string. */
    private static MutableCoercionConfig refuse(MutableCoercionConfig config, CoercionInputShape... shapes) {
        config.setAcceptBlankAsEmpty(false).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
        return config;
    }
}
