package io.encours.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the policy compiler: one file of the default policy (a CSV or XLSX table, the
 * DRL, the manifest, a plain table) replaced by arbitrary bytes must give a policy or errors naming the
 * file, never an exception. The normal build replays the saved inputs under
 * {@code src/test/resources/io/encours/rules/policy/PolicyCompilerFuzzTestInputs/}; {@code bench/fuzz.sh}
 * fuzzes ({@code JAZZER_FUZZ=1}) and every crash it saves there stays as a regression test.
 * The first byte of an input picks the file, the rest is its content.
 */
class PolicyCompilerFuzzTest {
    static final String[] FILES = {"order-checks.drl.csv", "scoring-grid.drl.xlsx", "credit-policy.drl",
            "manifest.properties", "parameters.csv", "reason-codes.csv", "delegation.csv", "sector-caps.drl.csv"};
    private static final PolicyBundle DEFAULT = PolicyBundle.fromClasspath("policies/credit-policy-fr");
    private static final PolicyCompiler COMPILER = new PolicyCompiler();

    @FuzzTest(maxDuration = "30s")
    void any_policy_file_gives_a_policy_or_errors(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String file = FILES[Byte.toUnsignedInt(input[0]) % FILES.length];
        byte[] content = Arrays.copyOfRange(input, 1, input.length);

        CompilationResult result = COMPILER.compile(DEFAULT.with(file, content));

        assertThat(result.succeeded() || !result.errors().isEmpty()).isTrue();
        for (PolicyError error : result.errors()) {
            assertThat(error.message()).as("every error is told").isNotBlank();
        }
    }
}
