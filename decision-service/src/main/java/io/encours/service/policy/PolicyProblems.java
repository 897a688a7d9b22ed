package io.encours.service.policy;

import io.encours.rules.policy.PolicyError;
import io.encours.rules.scenario.ScenarioFailure;
import io.encours.rules.scenario.ScenarioRunner;
import io.encours.service.web.ProblemException;
import io.encours.service.web.ProblemMessages;
import io.encours.service.web.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The refusals of the policy lifecycle, and the one definition of {@code /problems/policy-invalid}, which the
 * upload and edit checks, the activation, the editor's table edits and the replay of a version all answer
 * with the same {@code errors} shape (see {@link #error(PolicyError)}).
 */
public final class PolicyProblems {
    public static final String NOT_FOUND = "/problems/policy-not-found";
    public static final String FILE_NOT_FOUND = "/problems/policy-file-not-found";
    public static final String WRONG_STATUS = "/problems/policy-status-conflict";
    public static final String INVALID = "/problems/policy-invalid";
    public static final String FOUR_EYES = "/problems/four-eyes";
    public static final String ALREADY_APPROVED = "/problems/policy-already-approved";
    public static final String BAD_UPLOAD = "/problems/policy-upload-invalid";
    public static final String NO_ROLLBACK = "/problems/policy-rollback-unavailable";

    /** {@code kind} of an error the compiler found in a file (a table cell, a DRL line, a whole file). */
    public static final String COMPILE_ERROR = "compile";
    /** {@code kind} of a scenario of the policy whose expectation the policy does not meet. */
    public static final String SCENARIO_FAILURE = "scenario";

    private PolicyProblems() {
    }

    static ProblemException of(HttpStatus status, String type, String title, String detail) {
        return Problems.refuse(status, type, title, detail);
    }

    static ProblemException notFound(int number) {
        return of(HttpStatus.NOT_FOUND, NOT_FOUND, "Policy version not found", "No policy version " + number);
    }

    static ProblemException fileNotFound(int number, String name) {
        return of(HttpStatus.NOT_FOUND, FILE_NOT_FOUND, "Policy file not found",
                "Policy version " + number + " has no file named " + name);
    }

    static ProblemException wrongStatus(PolicyVersion v, String action, String needed) {
        return of(HttpStatus.CONFLICT, WRONG_STATUS, "Not allowed in this status",
                "Version " + v.number() + " is " + v.status() + ": it cannot be " + action + " (it must be " + needed
                        + ")");
    }

    static ProblemException badUpload(String detail) {
        return of(HttpStatus.BAD_REQUEST, BAD_UPLOAD, "Invalid policy upload", detail);
    }

    /** The version does not compile: every error with its file and row or line. */
    public static ProblemException doesNotCompile(int number, List<PolicyError> errors) {
        ProblemException p = invalid("Policy does not compile", "Version " + number + " has " + errors.size()
                + " compile error(s)", errors.stream().map(PolicyProblems::error).toList());
        ProblemMessages.coded(p.problem(), "policy-invalid.compile", Map.of("version", number, "count", errors.size()));
        return p;
    }

    /**
     * The version's own scenarios fail: one error per failing scenario; {@code scenarioFailures} (each scenario
     * with its {@code failures}) and {@code summary} are kept beside {@code errors} for the page's report.
     */
    static ProblemException scenariosFail(int number, List<ScenarioRunner.ScenarioResult> failed, String summary) {
        ProblemException p = invalid("Policy scenarios fail", "Version " + number + ": scenarios " + summary,
                failed.stream().map(PolicyProblems::error).toList());
        p.problem().setProperty("scenarioFailures", failed.stream().map(PolicyChecks.ScenarioOutcome::of).toList());
        p.problem().setProperty("summary", summary);
        long failures = failed.size();
        ProblemMessages.coded(p.problem(), "policy-invalid.scenarios", Map.of("version", number, "failed", failures));
        return p;
    }

    /** A 422 {@code /problems/policy-invalid}: {@code errors} are entries built by the {@code error} methods. */
    public static ProblemException invalid(String title, String detail, List<Map<String, Object>> errors) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID, title, detail);
        problem.setProperty("errors", errors);
        return ProblemException.of(problem);
    }

    /**
     * One error of {@code /problems/policy-invalid}, the one shape for them all: {@code kind}
     * ({@value #COMPILE_ERROR} or {@value #SCENARIO_FAILURE}), {@code file}, then where in it, as far as known:
     * {@code sheet}, {@code row} and {@code column} (letter) for a table cell, {@code line} for DRL or a
     * scenario, {@code scenario} (its id); {@code location} (where, as a person reads it) and {@code message}.
     * Keys that do not apply are left out; a table edit adds {@code rowIndex} and {@code columnIndex}.
     */
    public static Map<String, Object> error(PolicyError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", COMPILE_ERROR);
        m.put("file", e.file());
        if (e.sheet() != null) {
            m.put("sheet", e.sheet());
        }
        if (e.row() != null) {
            m.put("row", e.row());
        }
        if (e.column() != null) {
            m.put("column", e.column());
        }
        if (e.line() != null) {
            m.put("line", e.line());
        }
        m.put("location", e.location());
        m.put("message", e.message());
        return m;
    }

    /**
     * A failing scenario's entry, coded {@code scenario-failure} with each failure coded
     * {@code scenario.<kind>} ({@link ScenarioFailure}), so that its {@code message} and {@code location} are
     * said in the caller's language.
     */
    static Map<String, Object> error(ScenarioRunner.ScenarioResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", SCENARIO_FAILURE);
        m.put("line", r.scenario().line());
        m.put("scenario", r.scenario().id());
        return ProblemMessages.entry(m, "scenario-failure", Map.of("scenario", r.scenario().id(),
                "line", String.valueOf(r.scenario().line()), "failures", codedFailures(r.failures())));
    }

    /** Each failure line of a scenario as a {@code code} and its {@code params}. */
    public static List<Map<String, Object>> codedFailures(List<String> failures) {
        return failures.stream().map(ScenarioFailure::read)
                .map(f -> Map.<String, Object>of("code", "scenario." + f.kind(), "params", f.params())).toList();
    }
}
