package io.encours.service.policy;

import io.encours.service.executor.Pools;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the shared active-version document every {@code encours.policy.poll-interval}: an activation made
 * on another instance is followed here, and scheduled activations that are due are run. A failed poll is
 * logged and retried at the next tick; the version in force keeps serving meanwhile.
 */
class PolicySynchronizer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PolicySynchronizer.class);

    private final PolicyLifecycle lifecycle;
    private final Duration interval;
    /** One thread: polls never overlap. */
    private final ScheduledExecutorService executor;

    PolicySynchronizer(PolicyLifecycle lifecycle, Duration interval, MeterRegistry meters) {
        this.lifecycle = lifecycle;
        this.interval = interval;
        this.executor = Pools.scheduled("policy-sync", 1, meters);
    }

    void start() {
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            lifecycle.synchronize();
        } catch (RuntimeException e) {
            log.warn("policy synchronization failed; the version in force keeps serving: {}", e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
