package io.encours.service.replay;

import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import org.springframework.http.HttpStatus;

/**
 * Why a decision cannot be replayed, as RFC 9457 problems. A version that does not compile is the policy's own
 * {@code /problems/policy-invalid} ({@code PolicyProblems.doesNotCompile}).
 */
final class ReplayProblems {
    static final String POLICY_NOT_STORED = "/problems/recorded-policy-not-stored";
    static final String INPUT_UNREADABLE = "/problems/recorded-input-unreadable";

    private ReplayProblems() {
    }

    /** The decision names a policy whose sources are not in the version store (e.g. an imported record). */
    static ProblemException policyNotStored(String hash) {
        ProblemException p = Problems.refuse(HttpStatus.CONFLICT, POLICY_NOT_STORED, "Recorded policy not stored",
                "No stored policy version has the content hash " + hash + ": the decision cannot be rebuilt");
        p.problem().setProperty("policyHash", hash);
        return p;
    }

    /** The recorded input no longer reads as a request of its type (altered, or written by another schema). */
    static ProblemException inputUnreadable(String decisionId, String why) {
        ProblemException p = Problems.refuse(HttpStatus.CONFLICT, INPUT_UNREADABLE, "Recorded input unreadable",
                "The recorded input of decision " + decisionId + " cannot be read as its request: " + why);
        p.problem().setProperty("field", "input");
        return p;
    }
}
