package io.encours.service.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.EncoursApplication;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The service's own pools: each publishes its queue, takes its size from the properties, and stops with the service. */
class PoolsTest {
    private static final Set<String> POOLS = Set.of("hold-callbacks", "policy-sync", "simulation", "simulation-eval",
            "backtest", "api-key-refresh", "embedded-store-compaction");

    @Test
    void every_pool_publishes_its_queue_size_and_its_threads_stop_when_the_service_stops(@TempDir Path data)
            throws InterruptedException {
        // Other tests' application contexts (kept by Spring's test context cache) have pools of the same names.
        Set<Thread> before = poolThreads();
        ConfigurableApplicationContext service = new SpringApplicationBuilder(EncoursApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.main.banner-mode=off", "--encours.storage.data-dir=" + data,
                        "--encours.storage.compaction.interval=2s", "--encours.simulation.workers=3",
                        "--encours.holds.callback-threads=2");
        Set<Thread> ours;
        try {
            MeterRegistry meters = service.getBean(MeterRegistry.class);
            List<Gauge> queues = List.copyOf(meters.find(Pools.QUEUE_GAUGE).gauges());
            assertThat(queues.stream().map(g -> g.getId().getTag("pool")).collect(Collectors.toSet()))
                    .containsAll(POOLS);
            assertThat(queues).allSatisfy(queue -> assertThat(queue.value()).isGreaterThanOrEqualTo(0));
            // The periodic tasks are waiting in their pools' queues.
            assertThat(meters.get(Pools.QUEUE_GAUGE).tag("pool", "policy-sync").gauge().value()).isEqualTo(1);
            assertThat(meters.get(Pools.QUEUE_GAUGE).tag("pool", "api-key-refresh").gauge().value()).isEqualTo(1);
        } finally {
            ours = poolThreads();
            ours.removeAll(before);
            service.close();
        }

        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (ours.stream().anyMatch(Thread::isAlive) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }
        assertThat(ours).as("threads of the service's pools").isNotEmpty();
        assertThat(ours.stream().filter(Thread::isAlive).map(Thread::getName))
                .as("threads of the service's pools still alive after it stopped").isEmpty();
    }

    private static Set<Thread> poolThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> POOLS.stream().anyMatch(pool -> t.getName().matches(pool + "-\\d+")))
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
