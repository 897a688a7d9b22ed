package io.encours.service.simulation;

import io.encours.rules.model.DecisionType;
import io.encours.service.audit.AuditReadStore;
import io.encours.service.audit.DecisionIds;
import io.encours.service.decision.RecordedRequests;
import io.encours.service.executor.Pools;
import io.encours.service.job.JobRunner;
import io.encours.service.policy.PolicyLifecycle;
import io.encours.service.replay.CompiledVersions;
import io.encours.service.simulation.Simulation.Progress;
import io.encours.service.simulation.Simulation.Status;
import io.encours.service.web.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts, follows and cancels simulations. One simulation runs at a time on an instance (a second one is
 * refused with 409 while it runs); it evaluates on two worker threads. At start-up, a simulation left
 * RUNNING by an instance that stopped is marked FAILED.
 */
@Service
class Simulations {
    private static final Logger log = LoggerFactory.getLogger(Simulations.class);
    /** A RUNNING simulation without a progress save for this long was left by a stopped instance. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

    private final SimulationStore store;
    private final PolicyLifecycle lifecycle;
    private final CompiledVersions versions;
    private final RecordedRequests requests;
    private final AuditReadStore trail;
    private final DecisionIds ids;
    private final Clock clock;
    /** One thread: one simulation at a time (a second is refused while one runs). */
    private final ExecutorService job;
    private final ExecutorService workers;
    private final JobRunner<SimulationRun> runner;
    volatile SimulationRun.Checkpoint checkpoint = (id, progress) -> { };

    Simulations(SimulationStore store, PolicyLifecycle lifecycle, CompiledVersions versions,
                RecordedRequests requests, AuditReadStore trail, DecisionIds ids, Clock clock,
                SimulationProperties properties, MeterRegistry meters) {
        this.job = Pools.fixed("simulation", 1, meters);
        this.workers = Pools.fixed("simulation-eval", properties.workers(), meters);
        this.runner = new JobRunner<>(job);
        this.store = store;
        this.lifecycle = lifecycle;
        this.versions = versions;
        this.requests = requests;
        this.trail = trail;
        this.ids = ids;
        this.clock = clock;
        JobRunner.interruptAbandoned("simulation", this::interruptAbandoned);
    }

    /** Starts a simulation of version {@code number} over the decisions received in [from, to). */
    Simulation start(int number, Instant from, Instant to, List<DecisionType> types, String by) {
        if (!from.isBefore(to)) {
            throw Problems.invalidField("to", "must be after from");
        }
        String hash = lifecycle.version(number).contentHash();
        Instant now = clock.instant();
        Simulation started = new Simulation(ids.next(), number, hash, from, to, List.copyOf(types), by, now, null,
                Status.RUNNING, new Progress(0, 0, 0, null), null, null, null);
        SimulationRun run = new SimulationRun(started, versions, trail, requests, workers,
                store, clock, checkpoint);
        runner.start(run, () -> store.insert(started), SimulationProblems::busy);
        log.info("simulation {} of version {} over {} to {} started by {}", started.id(), number, from, to, by);
        return started;
    }

    Simulation find(String id) {
        return store.find(id).orElseThrow(() -> SimulationProblems.notFound(id));
    }

    List<Simulation> list(int limit) {
        return store.list(limit);
    }

    /** Asks the simulation to stop; it ends CANCELLED, keeping the result of what it evaluated. */
    Simulation cancel(String id) {
        Simulation s = find(id);
        if (s.status() != Status.RUNNING || !store.requestCancel(id)) {
            throw SimulationProblems.notRunning(id, s.status());
        }
        runner.cancel(id);
        return find(id);
    }

    long interruptAbandoned() {
        Instant now = clock.instant();
        return store.interruptAbandoned(now.minus(ABANDONED_AFTER), now);
    }

    @PreDestroy
    void stop() {
        runner.stop();
        job.shutdownNow();
        workers.shutdownNow();
    }
}
