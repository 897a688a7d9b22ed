package io.encours.service.executor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the features build their thread pools, the same way each time: daemon threads named after the pool
 * ({@code simulation-eval-1}, {@code simulation-eval-2}...), and the number of tasks waiting in the pool's queue
 * published as the gauge {@value #QUEUE_GAUGE} tagged {@code pool}. The owner shuts its pool down when the
 * application context closes (a {@code destroyMethod} or {@code @PreDestroy}); the pools' threads are daemons so
 * that a pool forgotten by a test never holds the JVM.
 */
public final class Pools {
    /** Tasks waiting in a pool's queue (scheduled tasks included), tagged with the pool's name. */
    public static final String QUEUE_GAUGE = "encours.executor.queue";

    private Pools() {
    }

    /** Daemon threads named {@code pool-1}, {@code pool-2}... */
    public static ThreadFactory threads(String pool) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A pool of {@code threads} threads with an unbounded queue, measured in {@code meters}. */
    public static ThreadPoolExecutor fixed(String pool, int threads, MeterRegistry meters) {
        return measured(pool, new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads(pool)), meters);
    }

    /** A pool of {@code threads} threads running delayed and periodic tasks, measured in {@code meters}. */
    public static ScheduledThreadPoolExecutor scheduled(String pool, int threads, MeterRegistry meters) {
        return measured(pool, new ScheduledThreadPoolExecutor(threads, threads(pool)), meters);
    }

    /** Publishes the queue size of {@code executor} as {@value #QUEUE_GAUGE}{pool=...}; returns it. */
    public static <E extends ThreadPoolExecutor> E measured(String pool, E executor, MeterRegistry meters) {
        Gauge.builder(QUEUE_GAUGE, executor, e -> e.getQueue().size())
                .tag("pool", pool)
                .description("Tasks waiting in the pool's queue")
                .register(meters);
        return executor;
    }
}
