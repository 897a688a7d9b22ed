package io.encours.rules.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.Csv;
import io.encours.rules.policy.DefaultPolicy;
import io.encours.rules.policy.TableSheet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableVerifierTest {

    private static final String PLANTED = """
            RuleSet,io.encours.policy
            Import,io.encours.rules.facts.*
            ,
            RuleTable RiskBands
            CONDITION,CONDITION,ACTION
            CustomerScore,CustomerScore,
            score >= $param,score < $param,"decision.riskClass(""$param"");"
            Score from,Score below,Class
            ,40,C
            40,70,B
            80,,A
            60,75,X
            90,50,Z
            """;

    private static List<Finding> verifyPlanted() {
        TableSheet sheet = new TableSheet("risk-bands.drl.csv", null, Csv.parse(PLANTED));
        DecisionTableModel table = DecisionTableModel.parse(sheet).get(0);
        return TableVerifier.verify(table, false);
    }

    @Test
    void aRowWhoseBoundsContradictEachOtherIsUnreachable() {
        assertThat(verifyPlanted()).filteredOn(f -> f.kind() == Finding.Kind.UNREACHABLE).singleElement()
                .satisfies(f -> {
                    assertThat(f.rows()).containsExactly(13);
                    assertThat(f.table()).isEqualTo("RiskBands");
                    assertThat(f.message()).contains("never apply", "score");
                });
    }

    @Test
    void rowsThatApplyToTheSameScoresWithDifferentResultsOverlap() {
        assertThat(verifyPlanted()).filteredOn(f -> f.kind() == Finding.Kind.OVERLAP).singleElement()
                .satisfies(f -> {
                    assertThat(f.rows()).containsExactly(10, 12);
                    assertThat(f.message()).contains("score >= 60 and < 70", "B vs X");
                });
    }

    @Test
    void scoresNoRowCoversAreAGap() {
        assertThat(verifyPlanted()).filteredOn(f -> f.kind() == Finding.Kind.GAP).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no row covers score >= 75 and < 80"));
    }

    @Test
    void aMissingBandInTheTermsTableIsAGapOfItsRiskClass() {
        CompiledPolicy policy = DefaultPolicy.compile();
        String terms = policy.bundle().text("payment-terms.drl.csv")
                .replace("false,B,45,60,CREDIT_MANAGER,0,NONE,APPROVAL_REQUIRED,TERMS_EXCEPTION_MANAGER\n", "");
        DecisionTableModel table = DecisionTableModel.parse(
                new TableSheet("payment-terms.drl.csv", null, Csv.parse(terms))).get(0);

        assertThat(TableVerifier.verify(table, false)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.GAP);
            assertThat(f.message()).contains("Risk class = B", "withinAgreedTerms = false",
                    "maxDaysFromInvoice > 45 and <= 60");
        });
    }

    @Test
    void theDefaultPolicyHasNoFindings() {
        CompiledPolicy policy = DefaultPolicy.compile();

        assertThat(PolicyVerifier.verify(policy.bundle(), policy.manifest())).isEmpty();
    }

    @Test
    void collectTablesMayOverlapButNotRepeatARow() {
        CompiledPolicy policy = DefaultPolicy.compile();
        String checks = policy.bundle().text("order-checks.drl.csv");
        String duplicated = checks + checks.lines().filter(l -> l.startsWith("BLOCKED,")).findFirst().orElseThrow() + "\n";
        DecisionTableModel table = DecisionTableModel.parse(
                new TableSheet("order-checks.drl.csv", null, Csv.parse(duplicated))).get(0);

        assertThat(TableVerifier.verify(table, true)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.DUPLICATE);
            assertThat(f.rows()).containsExactly(11, 30);
        });
    }
}
