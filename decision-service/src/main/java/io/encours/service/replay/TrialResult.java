package io.encours.service.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.PolicyStamp;
import io.encours.service.replay.CompiledVersion.PolicyRef;
import java.time.LocalDate;

/**
 * A request tried against a policy version: the decision endpoints' answer without what only a recorded
 * decision has (decision id, request id, time), with both languages of every reason and every rule that
 * fired, each with its file, table and row.
 *
 * @param policyVersion the version tried: number, label and hash
 * @param policy        the stamp a decision under this version would carry
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TrialResult(
        LocalDate asOf,
        String customerId,
        String orderId,
        @JsonUnwrapped DecisionResult result,
        PolicyStamp policy,
        PolicyRef policyVersion,
        long evaluationMicros) {
}
