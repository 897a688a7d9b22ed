package io.encours.service.policy;

import io.encours.rules.policy.PolicyError;
import io.encours.service.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused policy action, already shaped as its RFC 9457 problem (the service's advice renders it). */
class PolicyProblem extends ErrorResponseException {
    static final String NOT_FOUND = "/problems/policy-not-found";
    static final String FILE_NOT_FOUND = "/problems/policy-file-not-found";
    static final String WRONG_STATUS = "/problems/policy-status-conflict";
    static final String INVALID = "/problems/policy-invalid";
    static final String FOUR_EYES = "/problems/four-eyes";
    static final String ALREADY_APPROVED = "/problems/policy-already-approved";
    static final String BAD_UPLOAD = "/problems/policy-upload-invalid";
    static final String NO_ROLLBACK = "/problems/policy-rollback-unavailable";

    private PolicyProblem(ProblemDetail problem) {
        super(HttpStatus.valueOf(problem.getStatus()), problem, null);
    }

    static PolicyProblem of(HttpStatus status, String type, String title, String detail) {
        return new PolicyProblem(Problems.problem(status, type, title, detail));
    }

    static PolicyProblem notFound(int number) {
        return of(HttpStatus.NOT_FOUND, NOT_FOUND, "Policy version not found", "No policy version " + number);
    }

    static PolicyProblem fileNotFound(int number, String name) {
        return of(HttpStatus.NOT_FOUND, FILE_NOT_FOUND, "Policy file not found",
                "Policy version " + number + " has no file named " + name);
    }

    static PolicyProblem wrongStatus(PolicyVersion v, String action, String needed) {
        return of(HttpStatus.CONFLICT, WRONG_STATUS, "Not allowed in this status",
                "Version " + v.number() + " is " + v.status() + ": it cannot be " + action + " (it must be " + needed
                        + ")");
    }

    static PolicyProblem badUpload(String detail) {
        return of(HttpStatus.BAD_REQUEST, BAD_UPLOAD, "Invalid policy upload", detail);
    }

    /** The version does not compile: every error with its file and row or line. */
    static PolicyProblem doesNotCompile(int number, List<PolicyError> errors) {
        PolicyProblem p = of(HttpStatus.UNPROCESSABLE_CONTENT, INVALID, "Policy does not compile",
                "Version " + number + " has " + errors.size() + " compile error(s)");
        p.getBody().setProperty("errors", errors.stream().map(PolicyProblem::error).toList());
        return p;
    }

    static PolicyProblem scenariosFail(int number, List<?> failures, String summary) {
        PolicyProblem p = of(HttpStatus.UNPROCESSABLE_CONTENT, INVALID, "Policy scenarios fail",
                "Version " + number + ": scenarios " + summary);
        p.getBody().setProperty("scenarioFailures", failures);
        p.getBody().setProperty("summary", summary);
        return p;
    }

    static Map<String, Object> error(PolicyError e) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
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
}
