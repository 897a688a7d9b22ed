package io.encours.bench;

import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.DefaultPolicy;
import io.encours.rules.policy.PolicyCompiler;
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
 * Time to compile the default bundle (read from the classpath, decision tables turned into DRL, KieBase
 * built, session pool created), one compile per measurement.
 *
 * <ul>
 *   <li>{@code firstCompile}: the first compile in a fresh JVM, Drools and POI classes not yet loaded or
 *   JIT-compiled: what the service pays at start-up. One measurement per fork, several forks.</li>
 *   <li>{@code warmCompile}: a recompile in a JVM that has already compiled the policy several times:
 *   what a credit manager waits for when a new policy version is uploaded to a running service.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class PolicyCompileTime {

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public CompiledPolicy firstCompile() {
        return new PolicyCompiler().compile(DefaultPolicy.bundle()).orThrow();
    }

    @Benchmark
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    public CompiledPolicy warmCompile() {
        return new PolicyCompiler().compile(DefaultPolicy.bundle()).orThrow();
    }
}
