package io.encours.rules.scenario;

import io.encours.rules.model.DecisionType;
import java.util.Map;

/**
 * One scenario: a decision, the facts that differ from the file's base case ({@code given}), and what the
 * policy must answer. An empty expectation is not checked.
 *
 * @param line     the line of the scenario in its file, for error messages
 * @param reasons  reason codes that must be present; a code prefixed with {@code !} must be absent
 * @param also     further result fields to check, e.g. {@code lateInterest=41.10}
 */
public record Scenario(
        int line,
        String id,
        DecisionType decision,
        String description,
        Map<String, String> given,
        String outcome,
        String reasons,
        String score,
        String riskClass,
        String limit,
        String terms,
        String action,
        String approval,
        Map<String, String> also) {
}
