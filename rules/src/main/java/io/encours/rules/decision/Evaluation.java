package io.encours.rules.decision;

/**
 * A decision together with the policy that made it and how long the evaluation took.
 */
public record Evaluation(DecisionResult result, PolicyStamp policy, long evaluationNanos) {
}
