package io.encours.service.simulation;

import io.encours.rules.decision.Verdict;
import io.encours.rules.model.DecisionRequest;
import io.encours.rules.model.DecisionType;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.service.audit.AuditReadStore.Replayed;
import io.encours.service.decision.RecordedRequests;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulation's evaluations on the worker pool: each chunk of decisions is evaluated by the simulated
 * version into a tally of its own, merged into the simulation's. At most a few chunks are in flight, so
 * memory stays flat however many decisions the window holds.
 */
final class SimulationWorkers {
    private static final Logger log = LoggerFactory.getLogger(SimulationWorkers.class);
    private static final int CHUNKS_IN_FLIGHT = 4;

    private final String simulationId;
    private final ExecutorService pool;
    private final CompiledPolicy policy;
    private final RecordedRequests requests;
    private final SimulationTally tally = new SimulationTally();
    private final AtomicLong processed = new AtomicLong();
    private final Semaphore inFlight = new Semaphore(CHUNKS_IN_FLIGHT);
    private volatile Throwable failure;

    SimulationWorkers(String simulationId, ExecutorService pool, CompiledPolicy policy, RecordedRequests requests) {
        this.simulationId = simulationId;
        this.pool = pool;
        this.policy = policy;
        this.requests = requests;
    }

    /** Hands a chunk to the pool; waits while the chunks in flight are as many as allowed. */
    void submit(List<Replayed> chunk) throws InterruptedException {
        inFlight.acquire();
        try {
            pool.execute(() -> {
                try {
                    SimulationTally mine = new SimulationTally();
                    for (Replayed d : chunk) {
                        evaluate(d, mine);
                    }
                    synchronized (tally) {
                        tally.merge(mine);
                    }
                    processed.addAndGet(chunk.size());
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    boolean failed() {
        return failure != null;
    }

    /** Decisions evaluated (or counted as not evaluable) so far. */
    long processed() {
        return processed.get();
    }

    /** Waits for the chunks in flight, then the merged result; an evaluation that failed fails the simulation. */
    SimulationResult result() throws InterruptedException {
        inFlight.acquire(CHUNKS_IN_FLIGHT);
        if (failure != null) {
            throw new IllegalStateException("evaluation failed", failure);
        }
        synchronized (tally) {
            return tally.result();
        }
    }

    private void evaluate(Replayed d, SimulationTally into) {
        DecisionType type;
        Verdict verdict;
        try {
            type = DecisionType.valueOf(d.type());
            DecisionRequest request = requests.read(type, d.input(), LocalDate.parse(d.asOf()));
            verdict = policy.verdict(type, request);
        } catch (RuntimeException e) {
            // An input that no longer reads as a request (altered, older schema) is counted, not fatal.
            log.debug("simulation {}: decision {} not evaluated: {}", simulationId, d.id(), e.toString());
            into.notEvaluated();
            return;
        }
        into.add(d.decisionId(), type, d.customerId(), d.amount(), d.outcome(), d.reasonCodes(), verdict.outcome(),
                verdict.reasonCodes());
    }
}
