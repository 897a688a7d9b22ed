package io.encours.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PolicyCompilerTest {
    private final PolicyCompiler compiler = new PolicyCompiler();

    @Test
    void theDefaultPolicyCompilesWithItsIdentityAndContentHash() {
        CompilationResult result = compiler.compile(DefaultPolicy.bundle());

        assertThat(result.errors()).isEmpty();
        assertThat(result.policy().stamp().id()).isEqualTo("credit-policy-fr");
        assertThat(result.policy().stamp().version()).isEqualTo("2026.1");
        assertThat(result.policy().stamp().contentHash()).matches("[0-9a-f]{64}");
        assertThat(result.policy().manifest().currency()).isEqualTo("EUR");
    }

    @Test
    void theContentHashDependsOnTheSourcesOnly() {
        PolicyBundle bundle = DefaultPolicy.bundle();
        PolicyBundle same = PolicyBundle.of(bundle.files());
        PolicyBundle edited = bundle.with("parameters.csv",
                bundle.text("parameters.csv").replace("score.base,50", "score.base,55").getBytes(StandardCharsets.UTF_8));

        assertThat(same.contentHash()).isEqualTo(bundle.contentHash());
        assertThat(edited.contentHash()).isNotEqualTo(bundle.contentHash());
    }

    @Test
    void textInANumericCellIsReportedAtItsSheetRowAndColumn() {
        CompilationResult result = compiler.compile(BrokenBundles.textInNumericCell());

        assertThat(result.policy()).isNull();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("scoring-grid.drl.xlsx");
            assertThat(e.row()).isEqualTo(12);
            assertThat(e.column()).isEqualTo("F");
            assertThat(e.message()).contains("'ten'", "Points", "not a number");
        });
    }

    @Test
    void anUnknownFactFieldIsReportedAtTheTableRowsUsingIt() {
        CompilationResult result = compiler.compile(BrokenBundles.unknownFactField());

        assertThat(result.policy()).isNull();
        assertThat(result.errors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.file()).isEqualTo("order-checks.drl.csv");
            assertThat(e.message()).contains("limitUsagePercent");
        });
        assertThat(result.errors()).extracting(PolicyError::row).contains(13, 14);
    }

    @Test
    void aDrlSyntaxErrorIsReportedAtItsLine() {
        CompilationResult result = compiler.compile(BrokenBundles.drlSyntaxError());

        assertThat(result.policy()).isNull();
        assertThat(result.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.file()).isEqualTo("credit-policy.drl"));
        // Drools reports an error in a rule's consequence at the first line of that rule
        int line = lineOf(DefaultPolicy.bundle().text("credit-policy.drl"), "rule \"Score totalled");
        assertThat(result.errors()).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.message()).contains("Score totalled once every grid row has applied", "\")");
        });
    }

    @Test
    void aMissingTableIsReportedByName() {
        CompilationResult result = compiler.compile(BrokenBundles.missingTable());

        assertThat(result.policy()).isNull();
        assertThat(result.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("risk-classes.drl.xlsx");
            assertThat(e.message()).contains("no such file");
        });
    }

    @Test
    void aReasonCodeMissingFromTheCatalogueIsReportedAtItsRow() {
        CompilationResult result = compiler.compile(BrokenBundles.unknownReasonCode());

        assertThat(result.policy()).isNull();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("order-checks.drl.csv");
            assertThat(e.row()).isEqualTo(23);
            assertThat(e.message()).contains("MISSING_PO", "reason-codes.csv");
        });
    }

    @Test
    void aManifestWithoutIdentityIsRejected() {
        PolicyBundle bundle = DefaultPolicy.bundle().with(PolicyBundle.MANIFEST,
                "tables=order-checks.drl.csv\n".getBytes(StandardCharsets.UTF_8));

        CompilationResult result = compiler.compile(bundle);

        assertThat(result.policy()).isNull();
        assertThat(result.errors()).extracting(PolicyError::message)
                .anyMatch(m -> m.contains("'id'")).anyMatch(m -> m.contains("'currency'"));
    }

    @Test
    void aNonNumericParameterIsReportedAtItsRow() {
        PolicyBundle bundle = BrokenBundles.replace(DefaultPolicy.bundle(), "parameters.csv",
                "terms.legal.maxDays,60,", "terms.legal.maxDays,sixty,");

        CompilationResult result = compiler.compile(bundle);

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("parameters.csv");
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.message()).contains("sixty");
        });
    }

    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(fragment);
    }

    @Test
    void theDelegationTableGivesEachRoleItsAuthority() {
        DelegationTable delegation = DefaultPolicy.compile().delegation();

        assertThat(delegation.allows("CREDIT_ANALYST", new java.math.BigDecimal("25000"))).isTrue();
        assertThat(delegation.allows("CREDIT_ANALYST", new java.math.BigDecimal("25000.01"))).isFalse();
        assertThat(delegation.allows("CREDIT_MANAGER", new java.math.BigDecimal("150000"))).isTrue();
        assertThat(delegation.allows("CREDIT_COMMITTEE", new java.math.BigDecimal("10000000"))).isTrue();
        assertThat(delegation.allows("AUDITOR", java.math.BigDecimal.ONE)).isFalse();
    }
}
