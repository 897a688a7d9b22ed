package io.encours.service.simulation;

import io.encours.rules.model.DecisionType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a policy version would have changed over the decisions of a window.
 *
 * @param before             decisions per recorded outcome
 * @param after              decisions per outcome under the simulated version
 * @param flips              each change of outcome (from, to) with its count and the amounts at stake
 * @param flippedExposure    the amounts at stake of every decision that flips (order amount; invoice amount for
 *                           dunning)
 * @param reasonsAppeared    reason codes the simulated version gives where the recorded decision had not, most
 *                           frequent first
 * @param reasonsDisappeared recorded reason codes the simulated version no longer gives
 * @param samples            some flipped decisions, oldest first, each with a link to the decision
 * @param notEvaluated       recorded decisions that could not be evaluated again (input unreadable as a request,
 *                           or the evaluation failed); counted nowhere else
 */
record SimulationResult(
        Map<String, Long> before,
        Map<String, Long> after,
        List<Flip> flips,
        BigDecimal flippedExposure,
        List<ReasonCount> reasonsAppeared,
        List<ReasonCount> reasonsDisappeared,
        List<Sample> samples,
        long notEvaluated) {

    record Flip(DecisionType type, String from, String to, long count, BigDecimal exposure) {
    }

    record ReasonCount(String code, long count) {
    }

    record Sample(String decisionId, DecisionType type, String customerId, BigDecimal amount, String before,
                  String after, String link) {
    }
}
