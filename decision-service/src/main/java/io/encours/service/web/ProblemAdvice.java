package io.encours.service.web;

import com.mongodb.MongoException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error becomes an RFC 9457 problem ({@code application/problem+json}) with a stable {@code type}
 * from {@link Problems}; problems with the request's content name each field and the reason.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e, HttpServletRequest request) {
        return respond(e.problem(), e, request);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return respond(tooLargeProblem(e), e, request);
    }

    /**
     * A store failed under a read or a write the code did not expect to fail (a user, a hold, a policy version,
     * a simulation...). The audit trail's own failures never arrive here: its callers turn them into
     * {@link Problems#auditUnavailable} (a decision or an action that cannot be recorded is not done), so a
     * generic store failure is never reported as the audit trail's.
     */
    @ExceptionHandler({DataAccessException.class, MongoException.class})
    ResponseEntity<Object> storeUnavailable(RuntimeException e, HttpServletRequest request) {
        return respond(Problems.storageUnavailableProblem(), e, request);
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

    /** Only policy uploads take multipart bodies: the part or request limit set by spring.servlet.multipart. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, Problems.POLICY_UPLOAD_TOO_LARGE,
                "Policy upload too large", "The upload exceeds the size allowed for a policy upload");
        if (e.getMaxUploadSize() > 0) {
            problem.setProperty("limitBytes", e.getMaxUploadSize());
        }
        return respond(problem, e, ((ServletWebRequest) request).getRequest());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        String reason = "must be " + UnreadableBody.describe(e.getRequiredType()) + " (got '" + e.getValue() + "')";
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
            problem.setType(URI.create(Problems.typeFor(statusCode.value())));
        }
        ProblemMessages.localise(problem, LocaleContextHolder.getLocale());
        clean(problem);
        logProblem(statusCode.value(), problem, e, ((ServletWebRequest) request).getRequest());
        return response;
    }

    private static ProblemDetail notReadable(HttpMessageNotReadableException e) {
        PayloadTooLargeException tooLarge = UnreadableBody.causeOf(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return tooLargeProblem(tooLarge);
        }
        return UnreadableBody.problem(e);
    }

    private static ProblemDetail tooLargeProblem(PayloadTooLargeException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE,
                "Request too large", e.getMessage());
        problem.setProperty("limitBytes", e.limit());
        return problem;
    }

    /** The last check before a problem leaves: no class, package or library setting names in its texts. */
    private static void clean(ProblemDetail problem) {
        if (problem == null) {
            return;
        }
        problem.setTitle(ProblemText.clean(problem.getTitle()));
        problem.setDetail(ProblemText.clean(problem.getDetail()));
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors) {
            List<Object> cleaned = new ArrayList<>();
            for (Object error : errors) {
                if (error instanceof Map<?, ?> map) {
                    Map<Object, Object> copy = new LinkedHashMap<>();
                    map.forEach((k, v) -> copy.put(k, v instanceof String text ? ProblemText.clean(text) : v));
                    cleaned.add(copy);
                } else {
                    cleaned.add(error);
                }
            }
            problem.setProperty("errors", cleaned);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, Exception e, HttpServletRequest request) {
        ProblemMessages.localise(problem, LocaleContextHolder.getLocale());
        clean(problem);
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
