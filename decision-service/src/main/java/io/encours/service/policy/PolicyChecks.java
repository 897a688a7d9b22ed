package io.encours.service.policy;

import io.encours.rules.policy.PolicyError;
import io.encours.rules.scenario.ScenarioRunner;
import io.encours.rules.verify.Finding;
import io.encours.service.web.ProblemMessages;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;

/** What the checks of a version answer: compile errors, verifier findings, scenario results. */
final class PolicyChecks {
    private PolicyChecks() {
    }

    /** Whether a version compiles, and every compile error with its file and row or line. */
    record PolicyValidation(int version, boolean compiles, List<Map<String, Object>> errors) {
        static PolicyValidation of(int version, List<PolicyError> errors) {
            return new PolicyValidation(version, errors.isEmpty(), errors.stream().map(PolicyProblems::error).toList());
        }
    }

    /** The verifier's findings on a version's decision tables. */
    record PolicyVerification(int version, List<Finding> findings) {
    }

    /** A version's bundled scenarios run against it. */
    record ScenarioResults(int version, long passed, long failed, String summary, List<ScenarioOutcome> scenarios) {
        static ScenarioResults of(int version, ScenarioRunner.Report report) {
            return new ScenarioResults(version, report.passed(), report.failed(), report.summary(),
                    report.results().stream().map(ScenarioOutcome::of).toList());
        }
    }

    /**
     * One scenario: where it is in the scenario file, what it checks, and why it failed if it did, said in the
     * request's language.
     */
    record ScenarioOutcome(String id, int line, String decision, String description, boolean passed,
                           List<String> failures) {
        static ScenarioOutcome of(ScenarioRunner.ScenarioResult r) {
            List<Map<String, Object>> coded = PolicyProblems.codedFailures(r.failures());
            List<String> texts = coded.stream().map(f -> ProblemMessages.render(LocaleContextHolder.getLocale(),
                    (String) f.get("code"), (Map<?, ?>) f.get("params"))).toList();
            return new ScenarioOutcome(r.scenario().id(), r.scenario().line(), String.valueOf(r.scenario().decision()),
                    r.scenario().description(), r.passed(), texts);
        }
    }
}
