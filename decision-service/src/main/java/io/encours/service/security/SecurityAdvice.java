package io.encours.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals raised inside a controller or a service (a finer check than the URL map: four eyes, delegated
 * authority, an administration rule) become the same 401 and 403 problems as the filter chain's, before
 * the catch-all of {@code ProblemAdvice} could turn them into a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityAdvice {
    private static final Logger log = LoggerFactory.getLogger(SecurityAdvice.class);

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        var who = SecurityContextHolder.getContext().getAuthentication();
        ProblemDetail problem = SecurityProblems.forbidden(who, e.getMessage());
        log.info("request rejected status=403 type={} method={} path={} caller={} detail=\"{}\"", problem.getType(),
                request.getMethod(), request.getRequestURI(), who == null ? "-" : who.getName(), problem.getDetail());
        return respond(problem, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return respond(SecurityProblems.unauthenticated(), request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
