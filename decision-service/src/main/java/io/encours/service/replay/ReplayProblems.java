package io.encours.service.replay;

import io.encours.rules.policy.PolicyError;
import io.encours.service.web.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Why a decision cannot be replayed or a version cannot be evaluated, as RFC 9457 problems. */
final class ReplayProblems extends ErrorResponseException {
    static final String POLICY_NOT_STORED = "/problems/recorded-policy-not-stored";
    static final String POLICY_INVALID = "/problems/policy-invalid";
    static final String INPUT_UNREADABLE = "/problems/recorded-input-unreadable";

    private ReplayProblems(HttpStatus status, String type, String title, String detail) {
        super(status, Problems.problem(status, type, title, detail), null);
    }

    /** The decision names a policy whose sources are not in the version store (e.g. an imported record). */
    static ReplayProblems policyNotStored(String hash) {
        ReplayProblems p = new ReplayProblems(HttpStatus.CONFLICT, POLICY_NOT_STORED, "Recorded policy not stored",
                "No stored policy version has the content hash " + hash + ": the decision cannot be rebuilt");
        p.getBody().setProperty("policyHash", hash);
        return p;
    }

    static ReplayProblems doesNotCompile(int number, List<PolicyError> errors) {
        ReplayProblems p = new ReplayProblems(HttpStatus.UNPROCESSABLE_CONTENT, POLICY_INVALID,
                "Policy does not compile", "Version " + number + " has " + errors.size() + " compile error(s)");
        p.getBody().setProperty("errors", errors);
        return p;
    }

    /** The recorded input no longer reads as a request of its type (altered, or written by another schema). */
    static ReplayProblems inputUnreadable(String decisionId, String why) {
        ReplayProblems p = new ReplayProblems(HttpStatus.CONFLICT, INPUT_UNREADABLE, "Recorded input unreadable",
                "The recorded input of decision " + decisionId + " cannot be read as its request: " + why);
        p.getBody().setProperty("field", "input");
        return p;
    }
}
