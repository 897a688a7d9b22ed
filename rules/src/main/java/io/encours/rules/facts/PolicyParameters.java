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
    private final Map<String, String> sorted;
    // rules read numbers on every evaluation: parse each once
    private final Map<String, BigDecimal> decimals = new java.util.concurrent.ConcurrentHashMap<>();

    public PolicyParameters(Map<String, String> values) {
        this.values = Map.copyOf(values);
        this.sorted = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
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
        BigDecimal d = decimals.get(name);
        if (d == null) {
            d = new BigDecimal(text(name).trim());
            decimals.put(name, d);
        }
        return d;
    }

    public int integer(String name) {
        return decimal(name).intValueExact();
    }

    /**
     * The value of a dated table kept as parameters named {@code name.YYYY-MM-DD}: the row with the latest date
     * on or before {@code on}.
     *
     * @throws IllegalStateException when no row is dated on or before {@code on}
     */
    public BigDecimal dated(String name, java.time.LocalDate on) {
        String prefix = name + ".";
        String best = null;
        String day = on.toString();
        for (String key : sorted.keySet()) {
            if (key.startsWith(prefix) && key.length() == prefix.length() + 10
                    && key.substring(prefix.length()).compareTo(day) <= 0) {
                best = key;
            }
        }
        if (best == null) {
            throw new IllegalStateException("The policy's table " + name + " has no row dated on or before " + on);
        }
        return decimal(best);
    }

    /** Whether {@code value} is one of the comma-separated items of the parameter (false when it is blank). */
    public boolean listed(String name, String value) {
        if (!has(name) || value == null) {
            return false;
        }
        for (String item : text(name).split(",")) {
            if (item.trim().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** All parameters, sorted by name; read-only. */
    public Map<String, String> asMap() {
        return sorted;
    }
}
