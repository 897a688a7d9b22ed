package io.encours.service.web;

import org.springframework.http.ProblemDetail;

/** A failure that already knows the problem response it becomes. */
public class ProblemException extends RuntimeException {
    private final transient ProblemDetail problem;

    public ProblemException(ProblemDetail problem, Throwable cause) {
        super(problem.getDetail(), cause);
        this.problem = problem;
    }

    public static ProblemException of(ProblemDetail problem) {
        return new ProblemException(problem, null);
    }

    public ProblemDetail problem() {
        return problem;
    }
}
