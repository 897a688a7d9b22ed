package io.encours.service.backtest;

import io.encours.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Refusals of the back-test API, as RFC 9457 problems. */
final class BacktestProblems extends ErrorResponseException {
    static final String NOT_FOUND = "/problems/backtest-not-found";
    static final String BUSY = "/problems/backtest-running";
    static final String BAD_FILE = "/problems/backtest-file-invalid";
    static final String TOO_LARGE = "/problems/backtest-file-too-large";

    private BacktestProblems(HttpStatus status, String type, String title, String detail) {
        super(status, Problems.problem(status, type, title, detail), null);
    }

    static BacktestProblems notFound(String id) {
        return new BacktestProblems(HttpStatus.NOT_FOUND, NOT_FOUND, "Back-test not found", "No back-test " + id);
    }

    static BacktestProblems noneForVersion(int version) {
        return new BacktestProblems(HttpStatus.NOT_FOUND, NOT_FOUND, "Back-test not found",
                "Policy version " + version + " has no finished back-test");
    }

    static BacktestProblems busy(String runningId) {
        BacktestProblems p = new BacktestProblems(HttpStatus.CONFLICT, BUSY, "A back-test is running",
                "This instance runs one back-test at a time; back-test " + runningId + " is running: wait for it");
        p.getBody().setProperty("runningBacktest", runningId);
        return p;
    }

    /** The file cannot be back-tested at all: its header (a column that is no request field, no outcome). */
    static BacktestProblems badFile(String reason) {
        return new BacktestProblems(HttpStatus.BAD_REQUEST, BAD_FILE, "Labelled file not usable", reason);
    }

    static BacktestProblems tooLarge(long limit) {
        BacktestProblems p = new BacktestProblems(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "Labelled file too large",
                "A labelled file may hold at most " + limit + " bytes");
        p.getBody().setProperty("limitBytes", limit);
        return p;
    }
}
