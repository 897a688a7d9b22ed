package io.encours.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.RuleRef;
import io.encours.rules.decision.Verdict;
import io.encours.rules.model.DecisionRequest;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.DefaultPolicy;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every scenario of the default policy as its own test, so each appears in the test report. */
class DefaultPolicyScenariosTest {
    private static CompiledPolicy policy;
    private static ScenarioFile scenarios;

    @BeforeAll
    static void compile() {
        policy = DefaultPolicy.compile();
        scenarios = ScenarioFile.parse(policy.bundle().text("scenarios.csv"));
    }

    @TestFactory
    Stream<DynamicTest> scenario() {
        ScenarioRunner runner = new ScenarioRunner();
        return scenarios.scenarios().stream().map(s -> DynamicTest.dynamicTest(
                s.id() + " " + s.description(), () -> {
                    ScenarioRunner.ScenarioResult result = runner.run(policy, scenarios.base(), s);
                    assertThat(result.failures()).as("scenario %s (line %d)", s.id(), s.line()).isEmpty();
                }));
    }

    @Test
    void thereAreAtLeastSixtyScenariosCoveringEveryDecision() {
        assertThat(scenarios.scenarios()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(scenarios.scenarios().stream().map(Scenario::decision).distinct()).hasSize(4);
    }

    @Test
    void everyTableRowAndRuleFiresInSomeScenario() {
        ScenarioRunner.Report report = new ScenarioRunner().runBundled(policy);
        Set<String> fired = new HashSet<>();
        report.results().forEach(r -> r.evaluation().result().firedRules().forEach(f -> fired.add(f.rule())));
        Set<String> neverFired = new TreeSet<>(policy.rules().keySet());
        neverFired.removeAll(fired);
        List<RuleRef> missing = neverFired.stream().map(policy.rules()::get).toList();
        assertThat(missing).as("rules and table rows no scenario exercises").isEmpty();
    }

    @Test
    void aVerdictIsTheOutcomeAndReasonCodesOfTheFullEvaluation() {
        for (Scenario s : scenarios.scenarios()) {
            Map<String, String> facts = new LinkedHashMap<>(scenarios.base());
            facts.putAll(s.given());
            DecisionRequest request = new ScenarioFacts(facts).request(s.decision());
            DecisionResult full = policy.evaluate(request).result();

            assertThat(policy.verdict(request.type(), request)).as("scenario %s", s.id())
                    .isEqualTo(new Verdict(full.outcome(), full.reasonCodes()));
        }
    }
}
