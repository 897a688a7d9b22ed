package io.encours.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.decision.Reason;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.DefaultPolicy;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 13: amounts in French messages are written the French way (10 000,00 EUR), in English 10,000.00. */
class FrenchAmountsTest {
    private static final String NBSP = "\u00A0";
    private static CompiledPolicy policy;
    private static ScenarioFile scenarios;

    @BeforeAll
    static void compile() {
        policy = DefaultPolicy.compile();
        scenarios = ScenarioFile.parse(policy.bundle().text("scenarios.csv"));
    }

    private List<Reason> reasonsOf(String id) {
        Scenario s = scenarios.scenarios().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return new ScenarioRunner().run(policy, scenarios.base(), s).evaluation().result().reasons();
    }

    private static Reason reason(List<Reason> reasons, String code) {
        return reasons.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void wholeAmountsAreGroupedWithSpacesInFrenchAndCommasInEnglish() {
        Reason r = reason(reasonsOf("L11"), "CREDIT_LIMIT_EXCEEDED");
        assertThat(r.messageFr()).contains("(110" + NBSP + "000 EUR)").contains("(100" + NBSP + "000 EUR)");
        assertThat(r.messageEn()).contains("(110,000 EUR)").contains("(100,000 EUR)");
    }

    @Test
    void decimalsTakeADecimalCommaInFrench() {
        Reason r = reason(reasonsOf("D22"), "LATE_CHARGES_DUE");
        assertThat(r.messageFr()).contains("99,86 EUR").contains("12,15 %").contains("40 EUR");
        assertThat(r.messageEn()).contains("99.86 EUR").contains("12.15%");
        assertThat(reason(reasonsOf("D22"), "HIGH_AMOUNT_PRIORITY").messageFr()).contains("15" + NBSP + "000 EUR");
    }
}
