package io.encours.service.backtest;

import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import org.springframework.http.HttpStatus;

/** Refusals of the back-test API, as RFC 9457 problems. */
final class BacktestProblems {
    static final String NOT_FOUND = "/problems/backtest-not-found";
    static final String BUSY = "/problems/backtest-running";
    static final String BAD_FILE = "/problems/backtest-file-invalid";
    static final String TOO_LARGE = "/problems/backtest-file-too-large";

    private BacktestProblems() {
    }

    static ProblemException notFound(String id) {
        return Problems.refuse(HttpStatus.NOT_FOUND, NOT_FOUND, "Back-test not found", "No back-test " + id);
    }

    static ProblemException noneForVersion(int version) {
        return Problems.refuse(HttpStatus.NOT_FOUND, NOT_FOUND, "Back-test not found",
                "Policy version " + version + " has no finished back-test");
    }

    static ProblemException busy(String runningId) {
        ProblemException p = Problems.refuse(HttpStatus.CONFLICT, BUSY, "A back-test is running",
                "This instance runs one back-test at a time; back-test " + runningId + " is running: wait for it");
        p.problem().setProperty("runningBacktest", runningId);
        return p;
    }

    /** The file cannot be back-tested at all: its header (a column that is no request field, no outcome). */
    static ProblemException badFile(String reason) {
        return Problems.refuse(HttpStatus.BAD_REQUEST, BAD_FILE, "Labelled file not usable", reason);
    }

    static ProblemException tooLarge(long limit) {
        ProblemException p = Problems.refuse(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "Labelled file too large",
                "A labelled file may hold at most " + limit + " bytes");
        p.problem().setProperty("limitBytes", limit);
        return p;
    }
}
