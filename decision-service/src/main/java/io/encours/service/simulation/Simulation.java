package io.encours.service.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.encours.rules.model.DecisionType;
import java.time.Instant;
import java.util.List;

/**
 * A simulation as stored and shown: what was asked, by whom, where it stands and, once finished, its result
 * (a cancelled one keeps the result of what it had evaluated).
 *
 * @param version  the policy version evaluated
 * @param types    the decision types included; empty for all
 * @param error    why a FAILED simulation failed
 * @param cancelRequested true once someone asked to cancel it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Simulation(
        String id,
        int version,
        String policyHash,
        Instant from,
        Instant to,
        List<DecisionType> types,
        String startedBy,
        Instant startedAt,
        Instant finishedAt,
        Status status,
        Progress progress,
        SimulationResult result,
        String error,
        Boolean cancelRequested) {

    enum Status { RUNNING, DONE, CANCELLED, FAILED }

    /** How far it got; {@code etaSeconds} is null until there is a rate to go by. */
    record Progress(int percent, long processed, long total, Long etaSeconds) {
        static Progress of(long processed, long total, double perSecond) {
            int percent = total == 0 ? 100 : (int) Math.min(100, processed * 100 / total);
            Long eta = perSecond > 0 ? Long.valueOf((long) Math.ceil((total - processed) / perSecond)) : null;
            return new Progress(percent, processed, total, eta);
        }
    }
}
