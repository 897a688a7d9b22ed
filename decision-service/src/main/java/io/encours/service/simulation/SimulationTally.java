package io.encours.service.simulation;

import io.encours.rules.model.DecisionType;
import io.encours.service.simulation.SimulationResult.Flip;
import io.encours.service.simulation.SimulationResult.ReasonCount;
import io.encours.service.simulation.SimulationResult.Sample;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of a simulation as it goes. Each worker fills its own tally for a chunk of decisions; the
 * chunks' tallies are merged into the job's. Not thread-safe on its own.
 */
final class SimulationTally {
    static final int SAMPLES = 20;
    static final int TOP_REASONS = 20;

    private record FlipKey(DecisionType type, String from, String to) {
    }

    private static final class FlipSum {
        long count;
        BigDecimal exposure = BigDecimal.ZERO;
    }

    private final Map<String, Long> before = new HashMap<>();
    private final Map<String, Long> after = new HashMap<>();
    private final Map<FlipKey, FlipSum> flips = new HashMap<>();
    private final Map<String, Long> appeared = new HashMap<>();
    private final Map<String, Long> disappeared = new HashMap<>();
    /** The flipped decisions with the lowest ids (the oldest), whatever order the chunks finish in. */
    private final TreeMap<String, Sample> samples = new TreeMap<>();
    private long notEvaluated;

    /** One decision: its recorded outcome and reasons, and those of the simulated version. */
    void add(String decisionId, DecisionType type, String customerId, BigDecimal amount, String recordedOutcome,
             List<String> recordedReasons, String outcome, List<String> reasons) {
        before.merge(recordedOutcome, 1L, Long::sum);
        after.merge(outcome, 1L, Long::sum);
        for (String code : reasons) {
            if (!recordedReasons.contains(code)) {
                appeared.merge(code, 1L, Long::sum);
            }
        }
        for (String code : recordedReasons) {
            if (!reasons.contains(code)) {
                disappeared.merge(code, 1L, Long::sum);
            }
        }
        if (!recordedOutcome.equals(outcome)) {
            FlipSum sum = flips.computeIfAbsent(new FlipKey(type, recordedOutcome, outcome), k -> new FlipSum());
            sum.count++;
            if (amount != null) {
                sum.exposure = sum.exposure.add(amount);
            }
            sample(new Sample(decisionId, type, customerId, amount, recordedOutcome, outcome,
                    "/api/v1/decisions/" + decisionId));
        }
    }

    void notEvaluated() {
        notEvaluated++;
    }

    void merge(SimulationTally other) {
        other.before.forEach((k, v) -> before.merge(k, v, Long::sum));
        other.after.forEach((k, v) -> after.merge(k, v, Long::sum));
        other.appeared.forEach((k, v) -> appeared.merge(k, v, Long::sum));
        other.disappeared.forEach((k, v) -> disappeared.merge(k, v, Long::sum));
        other.flips.forEach((k, v) -> {
            FlipSum sum = flips.computeIfAbsent(k, x -> new FlipSum());
            sum.count += v.count;
            sum.exposure = sum.exposure.add(v.exposure);
        });
        other.samples.values().forEach(this::sample);
        notEvaluated += other.notEvaluated;
    }

    SimulationResult result() {
        List<Flip> flipList = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<FlipKey, FlipSum> e : flips.entrySet()) {
            flipList.add(new Flip(e.getKey().type(), e.getKey().from(), e.getKey().to(), e.getValue().count,
                    e.getValue().exposure));
            total = total.add(e.getValue().exposure);
        }
        flipList.sort(Comparator.comparingLong(Flip::count).reversed()
                .thenComparing(f -> f.type().name()).thenComparing(Flip::from).thenComparing(Flip::to));
        return new SimulationResult(new TreeMap<>(before), new TreeMap<>(after), flipList, total, top(appeared),
                top(disappeared), List.copyOf(samples.values()), notEvaluated);
    }

    private void sample(Sample s) {
        samples.put(s.decisionId(), s);
        if (samples.size() > SAMPLES) {
            samples.pollLastEntry();
        }
    }

    private static List<ReasonCount> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_REASONS)
                .map(e -> new ReasonCount(e.getKey(), e.getValue()))
                .toList();
    }
}
