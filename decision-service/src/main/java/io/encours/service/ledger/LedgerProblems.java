package io.encours.service.ledger;

import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems of the ledger's API (refusals of single events are in the batch's answer, not problems). */
final class LedgerProblems {
    static final String ACCOUNT_NOT_FOUND = "/problems/account-not-found";
    static final String BATCH_TOO_LARGE = "/problems/ledger-batch-too-large";
    static final String LEDGER_BUSY = "/problems/ledger-busy";

    private LedgerProblems() {
    }

    static ProblemException accountNotFound(String customerId) {
        ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, ACCOUNT_NOT_FOUND, "Account not found",
                "No credit account for customer " + customerId);
        problem.setProperty("customerId", customerId);
        return ProblemException.of(problem);
    }

    static ProblemException batchTooLarge(int size, int max) {
        ProblemDetail problem = Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, BATCH_TOO_LARGE, "Batch too large",
                "A batch holds at most " + max + " events (encours.ledger.max-batch-size), this one " + size
                        + "; split it");
        problem.setProperty("maxBatchSize", max);
        return ProblemException.of(problem);
    }

    static ProblemException importTooLarge(long maxBytes) {
        return ProblemException.of(Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE,
                "Import too large", "A ledger import is at most " + maxBytes + " bytes; split the file"));
    }

    /** So many writers changed the customer's position at once that this one never got through: send again. */
    static ProblemException busy(String customerId) {
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, LEDGER_BUSY, "Ledger busy",
                "The position of customer " + customerId + " kept changing while this request was applied; "
                        + "nothing of it was written: send it again");
        problem.setProperty("customerId", customerId);
        return ProblemException.of(problem);
    }
}
