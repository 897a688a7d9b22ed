package io.encours.service.collections;

import io.encours.rules.facts.PolicyParameters;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the policy says about a dunning run beyond each invoice's decision: how many days before its due date an
 * invoice is considered (the ladder's pre-due reminder needs it), and the weights of the priority formula
 * <em>priority = weight of the customer's risk class x amount chased</em>. A policy without these parameters
 * gets a 7-day window and a weight of 1 for every class (priority = amount).
 *
 * @param preDueWindowDays {@code dunning.preDueWindowDays}
 */
record DunningTerms(int preDueWindowDays, PolicyParameters parameters) {
    static final String PRE_DUE_WINDOW = "dunning.preDueWindowDays";
    static final String CLASS_WEIGHT = "dunning.priority.classWeight.";
    static final String UNKNOWN_CLASS = "UNKNOWN";
    private static final int DEFAULT_WINDOW = 7;

    static DunningTerms of(PolicyParameters parameters) {
        int window = parameters.has(PRE_DUE_WINDOW) ? parameters.integer(PRE_DUE_WINDOW) : DEFAULT_WINDOW;
        return new DunningTerms(Math.max(0, window), parameters);
    }

    /** {@code dunning.priority.classWeight.<class>}; a customer without a class: {@code ...UNKNOWN}; else 1. */
    BigDecimal weight(String riskClass) {
        String name = CLASS_WEIGHT + (riskClass == null ? UNKNOWN_CLASS : riskClass);
        return parameters.has(name) ? parameters.decimal(name) : BigDecimal.ONE;
    }

    BigDecimal priority(String riskClass, BigDecimal amount) {
        return weight(riskClass).multiply(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
