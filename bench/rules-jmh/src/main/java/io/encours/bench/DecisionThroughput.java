package io.encours.bench;

import io.encours.rules.decision.Evaluation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluations per second of each decision on the default policy, in process: everything
 * {@code CompiledPolicy.evaluate} does (fact assembly, a pooled Drools session, the fired-rules listener,
 * the result with rendered reason messages), nothing of HTTP, JSON or the audit trail. The subclasses run
 * the same benchmarks on one and on two threads sharing one compiled policy.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public abstract class DecisionThroughput {

    @Benchmark
    public Evaluation orderCheckApprove(Inputs in) {
        return in.policy.evaluate(in.orderCheckApprove);
    }

    @Benchmark
    public Evaluation orderCheckReview(Inputs in) {
        return in.policy.evaluate(in.orderCheckReview);
    }

    @Benchmark
    public Evaluation customerScore(Inputs in) {
        return in.policy.evaluate(in.customerScore);
    }

    @Benchmark
    public Evaluation paymentTerms(Inputs in) {
        return in.policy.evaluate(in.paymentTerms);
    }

    @Benchmark
    public Evaluation dunning(Inputs in) {
        return in.policy.evaluate(in.dunning);
    }

    @Threads(1)
    public static class OneThread extends DecisionThroughput {
    }

    @Threads(2)
    public static class TwoThreads extends DecisionThroughput {
    }
}
