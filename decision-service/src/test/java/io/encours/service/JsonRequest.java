package io.encours.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A decision request for tests, starting from the API's documented example (the established manufacturer
 * C-1000 of the policy's scenarios, as of 2026-06-15) and changed field by field:
 * {@code orderCheck().with("exposure.openInvoices", 70000).with("order.amount", 20001)}.
 */
public final class JsonRequest {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(tools.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final String endpoint;
    private final ObjectNode body;

    private JsonRequest(String endpoint, String example) {
        this.endpoint = endpoint;
        try (InputStream in = JsonRequest.class.getClassLoader()
                .getResourceAsStream("openapi/examples/requests/" + example + ".json")) {
            this.body = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonRequest orderCheck() {
        return new JsonRequest("order-check", "orderCheck");
    }

    public static JsonRequest customerScore() {
        return new JsonRequest("customer-score", "customerScore");
    }

    public static JsonRequest paymentTerms() {
        return new JsonRequest("payment-terms", "paymentTerms");
    }

    public static JsonRequest dunning() {
        return new JsonRequest("dunning", "dunning");
    }

    public String path() {
        return "/api/v1/decisions/" + endpoint;
    }

    /** Sets a field, creating the objects on its path; {@code null} sets JSON null. */
    public JsonRequest with(String path, Object value) {
        ObjectNode parent = parentOf(path);
        String field = leaf(path);
        if (value == null) {
            parent.putNull(field);
        } else if (value instanceof JsonNode node) {
            parent.set(field, node);
        } else if (value instanceof Boolean b) {
            parent.put(field, b);
        } else if (value instanceof Integer i) {
            parent.put(field, i);
        } else if (value instanceof Long l) {
            parent.put(field, l);
        } else if (value instanceof Number n) {
            parent.put(field, new BigDecimal(n.toString()));
        } else {
            parent.put(field, value.toString());
        }
        return this;
    }

    /** Sets a field to raw JSON, e.g. {@code withJson("invoice.promises", "[{...}]")}. */
    public JsonRequest withJson(String path, String json) {
        return with(path, JSON.readTree(json));
    }

    public JsonRequest without(String path) {
        parentOf(path).remove(leaf(path));
        return this;
    }

    public String body() {
        return JSON.writeValueAsString(body);
    }

    public JsonNode json() {
        return body.deepCopy();
    }

    private ObjectNode parentOf(String path) {
        ObjectNode node = body;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return endpoint;
    }
}
