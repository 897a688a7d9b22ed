package io.encours.service.collections;

import io.encours.rules.policy.CompiledPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What the policy says about a dunning run beyond each invoice's decision: how many days before its due date an
 * invoice is considered (the ladder's pre-due reminder needs it), and the weights of the priority formula
 * <em>priority = weight of the customer's risk class x amount chased</em>. A policy without these parameters
 * gets a 7-day window and a weight of 1 for every class (priority = amount).
 *
 * @param preDueWindowDays {@code dunning.preDueWindowDays}
 * @param parameters       the policy's {@code dunning.*} parameters by name, as written
 */
record DunningTerms(int preDueWindowDays, Map<String, String> parameters) {
    static final String PRE_DUE_WINDOW = "dunning.preDueWindowDays";
    static final String CLASS_WEIGHT = "dunning.priority.classWeight.";
    static final String UNKNOWN_CLASS = "UNKNOWN";
    private static final int DEFAULT_WINDOW = 7;

    DunningTerms {
        parameters = Map.copyOf(parameters);
    }

    static DunningTerms of(Map<String, String> parameters) {
        String window = parameters.get(PRE_DUE_WINDOW);
        return new DunningTerms(window == null || window.isBlank() ? DEFAULT_WINDOW
                : Math.max(0, new BigDecimal(window.trim()).intValueExact()), parameters);
    }

    /**
     * Read from the bundle's parameters table ({@code name,value,...} lines) rather than through
     * {@code CompiledPolicy.parameters()}, whose type belongs to the rules' fact model, which the service does not
     * use (ArchitectureTest), as {@code hold/ReleaseTerms} does.
     */
    static DunningTerms of(CompiledPolicy policy) {
        Map<String, String> dunning = new HashMap<>();
        String file = policy.manifest().parameters();
        if (file != null && policy.bundle().has(file)) {
            for (String line : new String(policy.bundle().bytes(file), StandardCharsets.UTF_8).split("\\R")) {
                String[] cells = line.split(",", 3);
                if (cells.length >= 2 && unquote(cells[0]).startsWith("dunning.")) {
                    dunning.put(unquote(cells[0]), unquote(cells[1]));
                }
            }
        }
        return of(dunning);
    }

    /** {@code dunning.priority.classWeight.<class>}; a customer without a class: {@code ...UNKNOWN}; else 1. */
    BigDecimal weight(String riskClass) {
        String value = parameters.get(CLASS_WEIGHT + (riskClass == null ? UNKNOWN_CLASS : riskClass));
        return value == null || value.isBlank() ? BigDecimal.ONE : new BigDecimal(value.trim());
    }

    BigDecimal priority(String riskClass, BigDecimal amount) {
        return weight(riskClass).multiply(amount).setScale(2, RoundingMode.HALF_UP);
    }

    private static String unquote(String cell) {
        String s = cell.trim();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).trim() : s;
    }
}
