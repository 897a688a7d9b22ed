package io.encours.service.replay;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.model.DecisionType;
import io.encours.service.replay.CompiledVersion.PolicyRef;
import java.util.List;

/**
 * A recorded decision evaluated again: under its own policy version (replay) or another one (what-if).
 *
 * @param identical   true when no field differs
 * @param differences every field whose recorded and replayed values differ
 * @param recorded    the result as recorded
 * @param replayed    the result of the evaluation just made (not recorded anywhere)
 */
public record ReplayReport(
        String decisionId,
        DecisionType type,
        PolicyRef recordedPolicy,
        PolicyRef replayPolicy,
        boolean identical,
        List<OutputDifferences.Difference> differences,
        DecisionResult recorded,
        DecisionResult replayed) {
}
