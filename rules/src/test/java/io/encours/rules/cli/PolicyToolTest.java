package io.encours.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.policy.BrokenBundles;
import io.encours.rules.policy.DefaultPolicy;
import io.encours.rules.policy.PolicyBundle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyToolTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new PolicyTool(ps, ps).run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validateAcceptsTheDefaultPolicy() {
        DefaultPolicy.bundle().writeTo(dir);

        assertThat(run("validate", dir.toString())).isZero();
        assertThat(output()).startsWith("OK credit-policy-fr 2026.1");
    }

    @Test
    void testRunsEveryScenarioAndEndsWithTheCount() {
        DefaultPolicy.bundle().writeTo(dir);

        assertThat(run("test", dir.toString())).isZero();
        assertThat(output().strip()).matches("(?s)\\d+ passed, 0 failed");
        int passed = Integer.parseInt(output().strip().split(" ")[0]);
        assertThat(passed).isGreaterThanOrEqualTo(60);
    }

    @Test
    void backtestMapsADataSetScoresItAndEndsWithAucGiniKs() throws Exception {
        DefaultPolicy.bundle().writeTo(dir);
        Path sample = copy("/backtest/polish-1year-sample.csv");
        Path mapping = copy("/backtest/polish-1year-mapping.csv");

        assertThat(run("backtest", dir.toString(), sample.toString(), "--mapping", mapping.toString())).isZero();
        assertThat(output()).contains("class  companies  defaults  default rate", "grid row  criterion")
                .containsPattern("(?m)^AUC 0\\.\\d{3}, Gini -?0\\.\\d{3}, KS 0\\.\\d{3}, 80 rows$");
    }

    @Test
    void backtestReportsBadRowsByLineAndStillEndsWithTheFigures() throws Exception {
        DefaultPolicy.bundle().writeTo(dir);
        Path file = java.nio.file.Files.createDirectories(dir.resolve("data")).resolve("labelled.csv");
        java.nio.file.Files.writeString(file, """
                customer.sector,customer.legalForm,customer.foundingDate,customer.externalRating.score,\
                customer.paymentBehaviour.incidentsLast12Months,customer.paymentBehaviour.averageDaysLate,\
                customer.financials.totalAssets,customer.financials.totalDebts,outcome
                IT,SA,2000-01-01,80,0,1,1000000,900000,1
                IT,SA,2000-01-01,80,0,1,1000000,200000,0
                IT,SA,2000-01-01,80,0,1,lots,200000,0
                """);

        assertThat(run("backtest", dir.toString(), file.toString(), "--as-of", "2026-06-15")).isZero();
        assertThat(output()).contains("rejected line 4: customer.financials.totalAssets 'lots' is not a number",
                "1 row(s) rejected", "AUC 1.000, Gini 1.000, KS 1.000, 2 rows");
    }

    private Path copy(String resource) throws Exception {
        Path target = java.nio.file.Files.createDirectories(dir.resolve("data"))
                .resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (var in = getClass().getResourceAsStream(resource)) {
            java.nio.file.Files.copy(in, target);
        }
        return target;
    }

    @Test
    void testReportsAFailingScenarioWithExpectedAndActual() {
        PolicyBundle bundle = DefaultPolicy.bundle();
        bundle.with("parameters.csv", bundle.text("parameters.csv").replace("score.base,50", "score.base,40")
                .getBytes(StandardCharsets.UTF_8)).writeTo(dir);

        assertThat(run("test", dir.toString())).isEqualTo(1);
        assertThat(output()).contains("FAIL S01", "score: expected 96, got 86").containsPattern("\\d+ passed, [1-9]\\d* failed");
    }

    static Stream<Arguments> brokenBundles() {
        return Stream.of(
                Arguments.of("text in a numeric cell", (Supplier<PolicyBundle>) BrokenBundles::textInNumericCell,
                        "scoring-grid.drl.xlsx, sheet scoring-grid, row 12, column F: 'ten'"),
                Arguments.of("unknown fact field", (Supplier<PolicyBundle>) BrokenBundles::unknownFactField,
                        "order-checks.drl.csv, row 13: table OrderChecks: 'limitUsagePercent' is not a field of OrderFacts"),
                Arguments.of("DRL syntax error", (Supplier<PolicyBundle>) BrokenBundles::drlSyntaxError,
                        "credit-policy.drl, line "),
                Arguments.of("missing table", (Supplier<PolicyBundle>) BrokenBundles::missingTable,
                        "risk-classes.drl.xlsx: The manifest lists 'risk-classes.drl.xlsx' but the policy has no such file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenBundles")
    void validatePrintsWhereEachMistakeIsAndFails(String mistake, Supplier<PolicyBundle> bundle, String expected) {
        bundle.get().writeTo(dir);

        assertThat(run("validate", dir.toString())).isEqualTo(1);
        assertThat(output()).contains(expected).contains("the policy is not valid");
    }
}
