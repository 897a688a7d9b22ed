package io.encours.service.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Every error becomes an RFC 9457 problem ({@code application/problem+json}) with a stable {@code type}
 * from {@link Problems}; problems with the request's content name each field and the reason.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final Map<Integer, String> TYPES_BY_STATUS = Map.of(
            400, Problems.BAD_REQUEST,
            404, Problems.NOT_FOUND,
            405, Problems.METHOD_NOT_ALLOWED,
            406, Problems.NOT_ACCEPTABLE,
            413, Problems.PAYLOAD_TOO_LARGE,
            415, Problems.UNSUPPORTED_MEDIA_TYPE,
            503, Problems.AUDIT_UNAVAILABLE);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e, HttpServletRequest request) {
        return respond(e.problem(), e, request);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return respond(tooLargeProblem(e), e, request);
    }

    /** A read of the audit trail failed: the store is down or unreachable. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> storeUnavailable(DataAccessException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, Problems.AUDIT_UNAVAILABLE,
                "Audit trail unavailable", "The audit trail cannot be read at the moment; retry later");
        return respond(problem, e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR,
                "Internal error", "The request failed on an unexpected error; it has been logged");
        return respond(problem, e, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(notReadable(e), e, ((ServletWebRequest) request).getRequest());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                new FieldProblem(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return respond(Problems.invalidFieldsProblem(errors), e, ((ServletWebRequest) request).getRequest());
    }

    /** Constraints on query parameters and headers ({@code page}, {@code size}). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new FieldProblem(name, String.valueOf(error.getDefaultMessage())));
            }
        });
        return respond(Problems.invalidFieldsProblem(errors), e, ((ServletWebRequest) request).getRequest());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        String reason = "must be " + describe(e.getRequiredType()) + " (got '" + e.getValue() + "')";
        return respond(Problems.invalidFieldsProblem(List.of(new FieldProblem(name, reason))), e,
                ((ServletWebRequest) request).getRequest());
    }

    /** Spring's own problems (405, 415, 406, 404...) get a stable type instead of about:blank. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, statusCode, request);
        ProblemDetail problem = response != null && response.getBody() instanceof ProblemDetail p ? p : null;
        if (problem != null && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(TYPES_BY_STATUS.getOrDefault(statusCode.value(), Problems.BAD_REQUEST)));
        }
        logProblem(statusCode.value(), problem, e, ((ServletWebRequest) request).getRequest());
        return response;
    }

    private static ProblemDetail notReadable(HttpMessageNotReadableException e) {
        PayloadTooLargeException tooLarge = causeOf(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return tooLargeProblem(tooLarge);
        }
        JacksonException json = causeOf(e, JacksonException.class);
        if (json instanceof PropertyBindingException unknown) {
            return Problems.invalidFieldsProblem(List.of(new FieldProblem(path(unknown), "is not a known field")));
        }
        if (json instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return Problems.invalidFieldsProblem(List.of(new FieldProblem(path(mismatch), reason(mismatch))));
        }
        if (json != null) {
            ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_JSON,
                    "Malformed JSON", "The request body is not valid JSON: " + json.getOriginalMessage());
            TokenStreamLocation location = json.getLocation();
            if (location != null && location.getLineNr() > 0) {
                problem.setProperty("line", location.getLineNr());
                problem.setProperty("column", location.getColumnNr());
            }
            return problem;
        }
        return Problems.problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_JSON, "Malformed JSON",
                "The request has no readable JSON body");
    }

    private static ProblemDetail tooLargeProblem(PayloadTooLargeException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE,
                "Request too large", e.getMessage());
        problem.setProperty("limitBytes", e.limit());
        return problem;
    }

    /** The JSON path of the offending value: {@code invoice.promises[0].status}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String reason(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            return describe(target) + " expected, got '" + invalid.getValue() + "'";
        }
        return describe(target) + " expected";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date like 2026-06-15";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, Exception e, HttpServletRequest request) {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        logProblem(problem.getStatus(), problem, e, request);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static void logProblem(int status, ProblemDetail problem, Exception e, HttpServletRequest request) {
        String type = problem == null || problem.getType() == null ? "" : problem.getType().toString();
        if (status == 503) {
            // An outage answers every request with a 503: one line each, the cause's message, no stack trace.
            log.warn("request refused status={} type={} method={} path={} reason=\"{}\"", status, type,
                    request.getMethod(), request.getRequestURI(), rootMessage(e));
        } else if (status >= 500 && e instanceof ProblemException && e.getCause() == null) {
            // A known server-side problem (an altered record): its detail says it all.
            log.error("request failed status={} type={} method={} path={} detail=\"{}\"", status, type,
                    request.getMethod(), request.getRequestURI(), problem == null ? "" : problem.getDetail());
        } else if (status >= 500) {
            log.error("request failed status={} type={} method={} path={}", status, type, request.getMethod(),
                    request.getRequestURI(), e);
        } else {
            log.info("request rejected status={} type={} method={} path={} detail=\"{}\"", status, type,
                    request.getMethod(), request.getRequestURI(), problem == null ? "" : problem.getDetail());
        }
    }
}
