package io.encours.service.simulation;

import com.mongodb.client.MongoCursor;
import io.encours.rules.decision.Verdict;
import io.encours.rules.model.DecisionRequest;
import io.encours.rules.model.DecisionType;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.service.audit.AuditReadStore;
import io.encours.service.audit.AuditReadStore.Replayed;
import io.encours.service.decision.RecordedRequests;
import io.encours.service.replay.CompiledVersions;
import io.encours.service.simulation.Simulation.Progress;
import io.encours.service.simulation.Simulation.Status;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulation, run on the job thread: reads the window's decisions with one cursor (a batch at a time,
 * only the fields it needs), hands them in chunks to the evaluation workers, merges the chunks' tallies,
 * saves the progress about every second and the result at the end. At most a few chunks are in flight, so
 * memory stays flat however many decisions the window holds. The result does not depend on the order the
 * decisions come in (counts, and the oldest flips as samples), so the query asks for none: sorting made the
 * embedded store hold every matching document whole until the last one was read.
 */
final class SimulationRun implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SimulationRun.class);
    static final int CHUNK = 256;
    private static final int CHUNKS_IN_FLIGHT = 4;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Called on the job thread each time the progress is saved (tests hold the job there). */
    interface Checkpoint {
        void progressSaved(String simulationId, Progress progress);
    }

    private final Simulation started;
    private final CompiledVersions versions;
    private CompiledPolicy policy;
    private final AuditReadStore trail;
    private final RecordedRequests requests;
    private final ExecutorService workers;
    private final SimulationStore store;
    private final Clock clock;
    private final Checkpoint checkpoint;
    private final SimulationTally tally = new SimulationTally();
    private final AtomicLong processed = new AtomicLong();
    private final Semaphore inFlight = new Semaphore(CHUNKS_IN_FLIGHT);
    private volatile boolean cancelled;
    private volatile Throwable workerFailure;
    private volatile boolean ended;

    SimulationRun(Simulation started, CompiledVersions versions, AuditReadStore trail, RecordedRequests requests, ExecutorService workers, SimulationStore store, Clock clock,
                  Checkpoint checkpoint) {
        this.started = started;
        this.versions = versions;
        this.trail = trail;
        this.requests = requests;
        this.workers = workers;
        this.store = store;
        this.clock = clock;
        this.checkpoint = checkpoint;
    }

    String id() {
        return started.id();
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        long total = 0;
        try {
            policy = versions.byNumber(started.version()).policy();
            List<String> types = started.types().stream().map(Enum::name).toList();
            total = trail.countReceived(started.from(), started.to(), types);
            long startNanos = System.nanoTime();
            long lastSave = startNanos;
            boolean saved = false;
            try (MongoCursor<Replayed> cursor = trail.received(started.from(), started.to(), types)) {
                List<Replayed> chunk = new ArrayList<>(CHUNK);
                while (!cancelled && workerFailure == null && cursor.hasNext()) {
                    chunk.add(cursor.next());
                    if (chunk.size() == CHUNK || !cursor.hasNext()) {
                        submit(chunk);
                        chunk = new ArrayList<>(CHUNK);
                        long now = System.nanoTime();
                        if (now - lastSave >= PROGRESS_EVERY_NANOS || (!saved && processed.get() > 0)) {
                            saved = true;
                            lastSave = now;
                            saveProgress(total, startNanos);
                        }
                    }
                }
            }
            inFlight.acquire(CHUNKS_IN_FLIGHT);
            if (workerFailure != null) {
                throw new IllegalStateException("evaluation failed", workerFailure);
            }
            Status status = cancelled ? Status.CANCELLED : Status.DONE;
            SimulationResult result;
            synchronized (tally) {
                result = tally.result();
            }
            // The count was of the window's ids; what was read is the exact number.
            finish(status, status == Status.DONE ? processed.get() : total, result, null);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            log.info("simulation {} {}: {} decisions re-evaluated in {} s ({} per second)", id(), status,
                    processed.get(), String.format("%.1f", seconds), Math.round(processed.get() / seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(Status.FAILED, total, null, "interrupted: the service stopped");
        } catch (RuntimeException e) {
            log.warn("simulation {} failed: {}", id(), e.toString());
            finish(Status.FAILED, total, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void submit(List<Replayed> chunk) throws InterruptedException {
        inFlight.acquire();
        try {
            workers.execute(() -> {
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
                    workerFailure = t;
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
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
            log.debug("simulation {}: decision {} not evaluated: {}", id(), d.id(), e.toString());
            into.notEvaluated();
            return;
        }
        into.add(d.decisionId(), type, d.customerId(), d.amount(), d.outcome(), d.reasonCodes(), verdict.outcome(),
                verdict.reasonCodes());
    }

    /** Whether it has ended (or is saving its end): another simulation may start. */
    boolean ended() {
        return ended;
    }

    private void finish(Status status, long total, SimulationResult result, String error) {
        ended = true;
        store.finish(id(), status, Progress.of(processed.get(), total, 0), result, error, clock.instant());
    }

    private void saveProgress(long total, long startNanos) {
        long done = processed.get();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Progress progress = Progress.of(done, Math.max(total, done), seconds > 0 ? done / seconds : 0);
        if (store.progress(id(), progress, clock.instant())) {
            cancelled = true;
        }
        checkpoint.progressSaved(id(), progress);
    }
}
