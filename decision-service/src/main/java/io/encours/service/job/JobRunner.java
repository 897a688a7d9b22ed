package io.encours.service.job;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a feature's jobs one at a time on the feature's job thread: a second start is refused while one runs,
 * the running one can be asked to stop, and stopping the runner asks it to stop. The feature makes the
 * executor (its name and size are the feature's) and shuts it down.
 *
 * @param <J> the feature's job
 */
public final class JobRunner<J extends JobRunner.Job> {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    /** A job as the runner sees it. */
    public interface Job extends Runnable {
        String id();

        /** Asks the job to stop at its next step; by default a job runs to its end. */
        default void cancel() {
        }

        /** Whether the job has ended (or is saving its end), so another may start; by default once it returned. */
        default boolean ended() {
            return false;
        }

        /** A job that runs {@code body} to its end. */
        static Job of(String id, Runnable body) {
            return new Job() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public void run() {
                    body.run();
                }
            };
        }
    }

    private final ExecutorService thread;
    private final AtomicReference<J> running = new AtomicReference<>();

    public JobRunner(ExecutorService thread) {
        this.thread = thread;
    }

    /**
     * Runs {@code job} on the job thread unless another job runs: then throws what {@code busy} makes of the
     * running job's id. {@code starting} (recording the job as RUNNING) runs first, under the same guard.
     */
    public void start(J job, Runnable starting, Function<String, ? extends RuntimeException> busy) {
        synchronized (running) {
            J current = running.get();
            if (current != null && !current.ended()) {
                throw busy.apply(current.id());
            }
            starting.run();
            running.set(job);
        }
        thread.execute(() -> {
            try {
                job.run();
            } finally {
                running.compareAndSet(job, null);
            }
        });
    }

    public Optional<J> running() {
        return Optional.ofNullable(running.get());
    }

    /** Asks job {@code id} to stop if it is the one running here. */
    public void cancel(String id) {
        running().filter(j -> j.id().equals(id)).ifPresent(Job::cancel);
    }

    /** Asks the running job to stop (the application stops). */
    public void stop() {
        running().ifPresent(Job::cancel);
    }

    /**
     * Marks FAILED the jobs left RUNNING by an instance that stopped ({@code interrupt} answers how many). An
     * unreachable store does not stop the start: they are marked at the next start that reaches it.
     *
     * @param what the job's name in the logs: "simulation", "back-test"
     */
    public static void interruptAbandoned(String what, LongSupplier interrupt) {
        try {
            long interrupted = interrupt.getAsLong();
            if (interrupted > 0) {
                log.warn("{} {}(s) left running by a stopped instance marked FAILED", interrupted, what);
            }
        } catch (org.springframework.dao.DataAccessException | com.mongodb.MongoException e) {
            // docs/audit.md, "Outage": the service starts all the same.
            log.warn("abandoned {}s not checked, the store is unreachable reason=\"{}\"", what, e.getMessage());
        }
    }
}
