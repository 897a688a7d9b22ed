package io.encours.rules.facts;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The named parameters of a policy (legal caps, rates, amounts), read from its parameters table and
 * available to DRL rules as the global {@code params}.
 */
public final class PolicyParameters {
    private final Map<String, String> values;

    public PolicyParameters(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public boolean has(String name) {
        String v = values.get(name);
        return v != null && !v.isBlank();
    }

    public String text(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("The policy has no parameter named '" + name + "'");
        }
        return v;
    }

    public BigDecimal decimal(String name) {
        return new BigDecimal(text(name).trim());
    }

    public int integer(String name) {
        return Integer.parseInt(text(name).trim());
    }

    public Map<String, String> asMap() {
        return new TreeMap<>(values);
    }
}
