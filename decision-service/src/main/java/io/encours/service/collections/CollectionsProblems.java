package io.encours.service.collections;

import io.encours.service.web.ProblemException;
import io.encours.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems of the collections API. */
final class CollectionsProblems {
    static final String RUN_NOT_FOUND = "/problems/dunning-run-not-found";
    static final String RUN_IN_PROGRESS = "/problems/dunning-run-in-progress";
    static final String LINE_NOT_FOUND = "/problems/worklist-line-not-found";
    static final String LINE_STATE = "/problems/worklist-line-state";

    private CollectionsProblems() {
    }

    static ProblemException runNotFound(String runId) {
        ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, RUN_NOT_FOUND, "Dunning run not found",
                "No dunning run " + runId);
        problem.setProperty("runId", runId);
        return ProblemException.of(problem);
    }

    static ProblemException runInProgress(String runId) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, RUN_IN_PROGRESS, "A dunning run is in progress",
                "Dunning run " + runId + " is running; follow it at /api/v1/collections/runs/" + runId
                        + " and start another once it has ended");
        problem.setProperty("runId", runId);
        return ProblemException.of(problem);
    }

    static ProblemException lineNotFound(String lineId) {
        ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, LINE_NOT_FOUND, "Worklist line not found",
                "No worklist line " + lineId);
        problem.setProperty("lineId", lineId);
        return ProblemException.of(problem);
    }

    static ProblemException lineState(String lineId, LineState from, LineState to) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, LINE_STATE, "Worklist line already worked",
                "Line " + lineId + " is " + from + ": it cannot become " + to
                        + " (DONE and SKIPPED are final; TO_DO and FAILED lines may be marked DONE, SKIPPED or FAILED)");
        problem.setProperty("lineId", lineId);
        problem.setProperty("state", from.name());
        return ProblemException.of(problem);
    }
}
