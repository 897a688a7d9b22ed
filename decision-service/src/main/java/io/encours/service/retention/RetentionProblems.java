package io.encours.service.retention;

import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems of archiving and pruning, with stable types. */
final class RetentionProblems {
    static final String PERIOD_NOT_CLOSED = "/problems/period-not-closed";
    static final String PERIOD_ARCHIVED = "/problems/period-archived";
    static final String ARCHIVE_OUT_OF_ORDER = "/problems/archive-out-of-order";
    static final String CHAIN_BROKEN = "/problems/chain-broken";
    static final String PERIOD_NOT_ARCHIVED = "/problems/period-not-archived";
    static final String WITHIN_RETENTION = "/problems/within-retention";
    static final String ARCHIVE_INVALID = "/problems/archive-invalid";
    static final String PERIOD_PRUNED = "/problems/period-pruned";
    static final String CHAIN_HEAD_KEPT = "/problems/chain-head-kept";

    private RetentionProblems() {
    }

    static ProblemException conflict(String type, String title, String detail, String period) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, type, title, detail);
        problem.setProperty("period", period);
        return ProblemException.of(problem);
    }

    /** 404 for a download, 409 for a prune (the request is fine, the trail is not ready for it). */
    static ProblemException notArchived(String period, HttpStatus status) {
        ProblemDetail problem = Problems.problem(status, PERIOD_NOT_ARCHIVED, "Period not archived",
                "No archive of the decisions of " + period + ": archive it first (POST /api/v1/admin/audit-archives)");
        problem.setProperty("period", period);
        return ProblemException.of(problem);
    }
}
