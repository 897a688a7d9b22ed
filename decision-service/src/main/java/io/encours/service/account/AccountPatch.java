package io.encours.service.account;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON merge patch of an account as the caller wrote it. Read by its own reader, so that a decimal number
 * keeps every digit it was sent with: a plain JSON tree reads it as a double, which holds about 15 significant
 * digits (12345678901234567.89 would become 12345678901234568). Not a setting of the shared mapper: floats as
 * BigDecimal everywhere would change how other bodies, the policy archive's among them, are read.
 *
 * @param fields the patch: an object of the fields to set (null clears one)
 */
@Schema(implementation = AccountBody.class, description = "A JSON merge patch (RFC 7396) of the account's fields")
@JsonDeserialize(using = AccountPatch.ExactReader.class)
record AccountPatch(JsonNode fields) {

    /** Builds the tree from the parser's tokens, decimals as BigDecimal, whole numbers as they fit. */
    static final class ExactReader extends ValueDeserializer<AccountPatch> {
        @Override
        public AccountPatch deserialize(JsonParser parser, DeserializationContext context) {
            return new AccountPatch(read(parser, context));
        }

        @Override
        public AccountPatch getNullValue(DeserializationContext context) {
            return new AccountPatch(context.getNodeFactory().nullNode());
        }

        private static JsonNode read(JsonParser parser, DeserializationContext context) {
            JsonNodeFactory nodes = context.getNodeFactory();
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    ObjectNode object = nodes.objectNode();
                    for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                        parser.nextToken();
                        object.set(name, read(parser, context));
                    }
                    return object;
                }
                case START_ARRAY -> {
                    ArrayNode array = nodes.arrayNode();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(read(parser, context));
                    }
                    return array;
                }
                case VALUE_NUMBER_FLOAT -> {
                    return nodes.numberNode(parser.getDecimalValue());
                }
                case VALUE_NUMBER_INT -> {
                    return switch (parser.getNumberType()) {
                        case INT -> nodes.numberNode(parser.getIntValue());
                        case LONG -> nodes.numberNode(parser.getLongValue());
                        default -> nodes.numberNode(parser.getBigIntegerValue());
                    };
                }
                case VALUE_STRING -> {
                    return nodes.stringNode(parser.getString());
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
                }
                case VALUE_NULL -> {
                    return nodes.nullNode();
                }
                default -> {
                    return (JsonNode) context.handleUnexpectedToken(JsonNode.class, parser);
                }
            }
        }
    }
}
