package io.encours.service.decision;

import io.encours.rules.model.DecisionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Decisions by type and outcome ({@code encours_decisions_total}), decision latency from arrival to
 * answer with a histogram ({@code encours_decision_latency_seconds}), and replays of recorded decisions.
 */
@Component
class DecisionMetrics {
    private final MeterRegistry meters;
    private final Map<DecisionType, Timer> latency = new EnumMap<>(DecisionType.class);
    private final Map<DecisionType, Counter> replays = new EnumMap<>(DecisionType.class);
    /** By type and outcome; outcomes come from the policy, so the counters are made as they first occur. */
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();

    DecisionMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (DecisionType type : DecisionType.values()) {
            latency.put(type, Timer.builder("encours.decision.latency")
                    .description("Time from a decision request's arrival to its recorded answer")
                    .tag("type", type.name())
                    .publishPercentileHistogram()
                    .register(meters));
            replays.put(type, Counter.builder("encours.decisions.replayed")
                    .description("Requests answered with an already recorded decision (same request id)")
                    .tag("type", type.name())
                    .register(meters));
        }
    }

    void decided(DecisionType type, String outcome, long totalNanos) {
        decisions.computeIfAbsent(type.name() + '/' + outcome, key -> Counter.builder("encours.decisions")
                .description("Decisions made and recorded")
                .tag("type", type.name())
                .tag("outcome", outcome)
                .register(meters))
                .increment();
        latency.get(type).record(totalNanos, TimeUnit.NANOSECONDS);
    }

    void replayed(DecisionType type) {
        replays.get(type).increment();
    }
}
