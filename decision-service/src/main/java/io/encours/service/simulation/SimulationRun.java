package io.encours.service.simulation;

import io.encours.service.audit.AuditReadStore;
import io.encours.service.decision.RecordedRequests;
import io.encours.service.job.JobRunner;
import io.encours.service.job.ProgressSaver;
import io.encours.service.replay.CompiledVersions;
import io.encours.service.simulation.Simulation.Progress;
import io.encours.service.simulation.Simulation.Status;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulation, run on the job thread: reads the window's decisions ({@link DecisionCursor}) and hands them
 * in chunks to the evaluation workers ({@link SimulationWorkers}), saves the progress about every second
 * ({@link ProgressSaver}) and the result ({@link SimulationTally}) at the end.
 */
final class SimulationRun implements JobRunner.Job {
    private static final Logger log = LoggerFactory.getLogger(SimulationRun.class);
    static final int CHUNK = 256;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    /** Called on the job thread each time the progress is saved (tests hold the job there). */
    interface Checkpoint {
        void progressSaved(String simulationId, Progress progress);
    }

    private final Simulation started;
    private final CompiledVersions versions;
    private final AuditReadStore trail;
    private final RecordedRequests requests;
    private final ExecutorService pool;
    private final SimulationStore store;
    private final Clock clock;
    private final Checkpoint checkpoint;
    private SimulationWorkers workers;
    private volatile boolean cancelled;
    private volatile boolean ended;

    SimulationRun(Simulation started, CompiledVersions versions, AuditReadStore trail, RecordedRequests requests,
                  ExecutorService pool, SimulationStore store, Clock clock, Checkpoint checkpoint) {
        this.started = started;
        this.versions = versions;
        this.trail = trail;
        this.requests = requests;
        this.pool = pool;
        this.store = store;
        this.clock = clock;
        this.checkpoint = checkpoint;
    }

    @Override
    public String id() {
        return started.id();
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    /** Whether it has ended (or is saving its end): another simulation may start. */
    @Override
    public boolean ended() {
        return ended;
    }

    @Override
    public void run() {
        long total = 0;
        try {
            workers = new SimulationWorkers(id(), pool, versions.byNumber(started.version()).policy(), requests);
            long startNanos;
            try (DecisionCursor decisions = DecisionCursor.open(trail, started)) {
                total = decisions.total();
                long counted = total;
                // The clock of the rate and of the first save starts once the window is counted.
                long began = System.nanoTime();
                startNanos = began;
                ProgressSaver saver = new ProgressSaver(PROGRESS_EVERY);
                while (!cancelled && !workers.failed() && decisions.hasNext()) {
                    workers.submit(decisions.next(CHUNK));
                    saver.saveIfDue(workers.processed() > 0, () -> saveProgress(counted, began));
                }
            }
            SimulationResult result = workers.result();
            Status status = cancelled ? Status.CANCELLED : Status.DONE;
            // The count was of the window's ids; what was read is the exact number.
            finish(status, status == Status.DONE ? workers.processed() : total, result, null);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            log.info("simulation {} {}: {} decisions re-evaluated in {} s ({} per second)", id(), status,
                    workers.processed(), String.format("%.1f", seconds), Math.round(workers.processed() / seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(Status.FAILED, total, null, "interrupted: the service stopped");
        } catch (RuntimeException e) {
            log.warn("simulation {} failed: {}", id(), e.toString());
            finish(Status.FAILED, total, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private long processed() {
        return workers == null ? 0 : workers.processed();
    }

    private void finish(Status status, long total, SimulationResult result, String error) {
        ended = true;
        store.finish(id(), status, Progress.of(processed(), total, 0), result, error, clock.instant());
    }

    private void saveProgress(long total, long startNanos) {
        long done = processed();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Progress progress = Progress.of(done, Math.max(total, done), seconds > 0 ? done / seconds : 0);
        if (store.progress(id(), progress, clock.instant())) {
            cancelled = true;
        }
        checkpoint.progressSaved(id(), progress);
    }
}
