package io.encours.service.web;

import org.springframework.http.ProblemDetail;

/**
 * The service's one exception for a refused or failed request: it carries the RFC 9457 problem it becomes,
 * and {@code ProblemAdvice} answers it as is. Features build it in their {@code <Feature>Problems} catalogue
 * (static factories and the {@code type} URIs they publish), never by subclassing it.
 */
public final class ProblemException extends RuntimeException {
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

    /** The problem's {@code type} URI, the stable name callers branch on. */
    public String type() {
        return String.valueOf(problem.getType());
    }

    public int status() {
        return problem.getStatus();
    }
}
