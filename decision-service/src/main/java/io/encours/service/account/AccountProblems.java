package io.encours.service.account;

import io.encours.rules.model.InvalidFact;
import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems of the accounts API (stable types; field problems are the shared /problems/invalid-field). */
final class AccountProblems {
    static final String ACCOUNT_NOT_FOUND = "/problems/account-not-found";
    static final String ACCOUNT_EXISTS = "/problems/account-exists";
    static final String VERSION_CONFLICT = "/problems/account-version-conflict";
    static final String VERSION_REQUIRED = "/problems/account-version-required";

    private AccountProblems() {
    }

    static ProblemException notFound(String customerId) {
        ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, ACCOUNT_NOT_FOUND, "Account not found",
                "No credit account for customer " + customerId);
        problem.setProperty("customerId", customerId);
        return ProblemException.of(problem);
    }

    static ProblemException exists(String customerId) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, ACCOUNT_EXISTS, "Account already exists",
                "Customer " + customerId + " already has a credit account; change it with PUT or PATCH");
        problem.setProperty("customerId", customerId);
        return ProblemException.of(problem);
    }

    /** The account changed since the caller read it: its change would overwrite another one unseen. */
    static ProblemException versionConflict(String customerId, long expected, long current) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, VERSION_CONFLICT, "Account changed meanwhile",
                "The account of customer " + customerId + " is at version " + current + ", not " + expected
                        + ": read it again, redo the change on the current version and send it with that version");
        problem.setProperty("customerId", customerId);
        problem.setProperty("expectedVersion", expected);
        problem.setProperty("currentVersion", current);
        return ProblemException.of(problem);
    }

    static ProblemException versionRequired(String customerId) {
        ProblemDetail problem = Problems.problem(HttpStatus.PRECONDITION_REQUIRED, VERSION_REQUIRED,
                "Version required", "A change of the account of customer " + customerId + " must name the version "
                        + "it was made on (If-Match: \"<version>\" as the ETag of the read, or version in the body), "
                        + "so that it cannot overwrite a change it has not seen");
        problem.setProperty("field", "If-Match");
        return ProblemException.of(problem);
    }

    static ProblemException importTooLarge(long maxBytes) {
        return ProblemException.of(Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE,
                "Import too large", "An account import is at most " + maxBytes + " bytes; split the file"));
    }

    static ProblemException invalid(InvalidFact e) {
        return Problems.invalidField(e.field(), e.reason());
    }
}
