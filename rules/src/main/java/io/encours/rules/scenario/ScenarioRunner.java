package io.encours.rules.scenario;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.Evaluation;
import io.encours.rules.model.DecisionRequest;
import io.encours.rules.model.PaymentTerms;
import io.encours.rules.policy.CompiledPolicy;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a policy's scenarios and compares each result with what the scenario expects. */
public final class ScenarioRunner {

    /** The verdict on one scenario: empty {@code failures} means it passed. */
    public record ScenarioResult(Scenario scenario, Evaluation evaluation, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** The verdict on a whole file. */
    public record Report(List<ScenarioResult> results) {
        public long passed() {
            return results.stream().filter(ScenarioResult::passed).count();
        }

        public long failed() {
            return results.size() - passed();
        }

        /** The closing line: {@code N passed, N failed}. */
        public String summary() {
            return passed() + " passed, " + failed() + " failed";
        }
    }

    public Report run(CompiledPolicy policy, ScenarioFile file) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : file.scenarios()) {
            results.add(run(policy, file.base(), s));
        }
        return new Report(results);
    }

    /** Runs the bundle's own scenario files. */
    public Report runBundled(CompiledPolicy policy) {
        List<ScenarioResult> results = new ArrayList<>();
        for (String name : policy.manifest().scenarios()) {
            results.addAll(run(policy, ScenarioFile.parse(policy.bundle().text(name))).results());
        }
        return new Report(results);
    }

    public ScenarioResult run(CompiledPolicy policy, Map<String, String> base, Scenario s) {
        Map<String, String> facts = new LinkedHashMap<>(base);
        facts.putAll(s.given());
        Evaluation evaluation;
        try {
            DecisionRequest request = new ScenarioFacts(facts).request(s.decision());
            evaluation = policy.evaluate(request);
        } catch (RuntimeException e) {
            return new ScenarioResult(s, null, List.of("cannot evaluate: " + e.getMessage()));
        }
        DecisionResult r = evaluation.result();
        List<String> failures = new ArrayList<>();
        expect(failures, "outcome", s.outcome(), r.outcome());
        expect(failures, "score", s.score(), r.score() == null ? null : r.score().toString());
        expect(failures, "class", s.riskClass(), r.riskClass());
        expectAmount(failures, "limit", s.limit(), r.recommendedLimit());
        expect(failures, "terms", s.terms(), r.grantedTerms() == null ? null : show(r.grantedTerms()));
        expect(failures, "action", s.action(), r.dunningStep() == null ? null : r.dunningStep().action());
        expect(failures, "approval", s.approval(), r.approvalLevel());
        if (!s.reasons().isBlank()) {
            List<String> codes = r.reasonCodes();
            for (String code : s.reasons().split("[\\s;,]+")) {
                if (code.startsWith("!") && codes.contains(code.substring(1))) {
                    failures.add("reason " + code.substring(1) + " should be absent, reasons were " + codes);
                } else if (!code.startsWith("!") && !code.isEmpty() && !codes.contains(code)) {
                    failures.add("reason " + code + " expected, reasons were " + codes);
                }
            }
        }
        s.also().forEach((field, expected) -> {
            Object actual = field(r, field);
            if (actual instanceof BigDecimal d) {
                expectAmount(failures, field, expected, d);
            } else {
                expect(failures, field, expected, actual == null ? null : actual.toString());
            }
        });
        return new ScenarioResult(s, evaluation, failures);
    }

    /** Terms as scenarios write them: {@code 30} or {@code 45 EOM}. */
    static String show(PaymentTerms t) {
        return t.days() + (t.endOfMonth() ? " EOM" : "");
    }

    private static Object field(DecisionResult r, String path) {
        Object current = r;
        for (String part : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            current = component(current, part);
        }
        return current;
    }

    private static Object component(Object record, String name) {
        if (!record.getClass().isRecord()) {
            throw new IllegalArgumentException("'" + name + "' is not a result field");
        }
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a result field");
    }

    private static void expect(List<String> failures, String what, String expected, String actual) {
        if (expected == null || expected.isBlank() || ("null".equals(expected) && actual == null)) {
            return;
        }
        if (!expected.equals(actual)) {
            failures.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static void expectAmount(List<String> failures, String what, String expected, BigDecimal actual) {
        if (expected == null || expected.isBlank()) {
            return;
        }
        if (actual == null || new BigDecimal(expected).compareTo(actual) != 0) {
            failures.add(what + ": expected " + expected + ", got "
                    + (actual == null ? null : actual.stripTrailingZeros().toPlainString()));
        }
    }
}
