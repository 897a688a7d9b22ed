package io.encours.service.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts JSON trees to BSON and back without losing a decimal: every non-integral number is stored as
 * Decimal128 (a BSON double would turn 0.1 into 0.1000000000000000055...), integers as int32 or int64.
 */
final class BsonTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BsonTree() {
    }

    static Object toBson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Document doc = new Document();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                doc.append(e.getKey(), toBson(e.getValue()));
            }
            return doc;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node.values()) {
                list.add(toBson(item));
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return decimal128(node.decimalValue());
        }
        return node.asString();
    }

    static Decimal128 decimal128(BigDecimal value) {
        BigDecimal v = value.precision() > 34 ? value.round(MathContext.DECIMAL128) : value;
        return new Decimal128(v);
    }

    static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Document doc) {
            ObjectNode object = NODES.objectNode();
            doc.forEach((k, v) -> object.set(k, toJson(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i.intValue());
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l.longValue());
        }
        if (value instanceof Decimal128 d) {
            return NODES.numberNode(d.bigDecimalValue());
        }
        if (value instanceof Double d) {
            return NODES.numberNode(BigDecimal.valueOf(d));
        }
        if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (value instanceof Date d) {
            return NODES.stringNode(d.toInstant().toString());
        }
        if (value instanceof ObjectId id) {
            return NODES.stringNode(id.toHexString());
        }
        return NODES.stringNode(value.toString());
    }
}
