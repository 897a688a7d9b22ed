package io.encours.service.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem types shared by every feature (each feature lists its own in its {@code <Feature>Problems}
 * class; {@code docs/errors.md} lists them all, checked by {@code ProblemCatalogueTest}). A type names the kind
 * of problem and never changes once published; callers may branch on it. Field-level problems carry an
 * {@code errors} list of {@code field} and {@code reason}.
 */
public final class Problems {
    public static final String MALFORMED_JSON = "/problems/malformed-json";
    public static final String INVALID_FIELD = "/problems/invalid-field";
    public static final String PAYLOAD_TOO_LARGE = "/problems/payload-too-large";
    public static final String IDEMPOTENCY_CONFLICT = "/problems/idempotency-conflict";
    public static final String DECISION_NOT_FOUND = "/problems/decision-not-found";
    public static final String AUDIT_UNAVAILABLE = "/problems/audit-unavailable";
    public static final String STORAGE_UNAVAILABLE = "/problems/storage-unavailable";
    public static final String POLICY_UNAVAILABLE = "/problems/policy-unavailable";
    public static final String RECORD_ALTERED = "/problems/record-altered";
    public static final String NOT_FOUND = "/problems/not-found";
    public static final String METHOD_NOT_ALLOWED = "/problems/method-not-allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "/problems/unsupported-media-type";
    public static final String NOT_ACCEPTABLE = "/problems/not-acceptable";
    public static final String BAD_REQUEST = "/problems/bad-request";
    public static final String INTERNAL_ERROR = "/problems/internal-error";
    public static final String UNAUTHENTICATED = "/problems/unauthenticated";
    public static final String FORBIDDEN = "/problems/forbidden";
    public static final String POLICY_UPLOAD_TOO_LARGE = "/problems/policy-upload-too-large";
    private static final Map<Integer, String> TYPES_BY_STATUS = Map.of(
            400, BAD_REQUEST,
            401, UNAUTHENTICATED,
            403, FORBIDDEN,
            404, NOT_FOUND,
            405, METHOD_NOT_ALLOWED,
            406, NOT_ACCEPTABLE,
            413, PAYLOAD_TOO_LARGE,
            415, UNSUPPORTED_MEDIA_TYPE,
            503, AUDIT_UNAVAILABLE);

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        return problem;
    }

    /** The exception for a problem of this status, type, title and detail: what feature catalogues build on. */
    public static ProblemException refuse(HttpStatus status, String type, String title, String detail) {
        return ProblemException.of(problem(status, type, title, detail));
    }

    /** The stable type of a problem known only by its status (Spring's and Tomcat's own errors). */
    static String typeFor(int status) {
        return TYPES_BY_STATUS.getOrDefault(status, status >= 500 ? INTERNAL_ERROR : BAD_REQUEST);
    }

    /**
     * The problem for an error known only by its status, raised below Spring MVC: no exception message is
     * repeated (Tomcat's and the libraries' messages name classes and settings).
     */
    static ProblemDetail forStatus(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        String title = status == null ? "Error" : status.getReasonPhrase();
        String detail = switch (code) {
            case 400 -> "The request is malformed (request line, header, path or body) and was not processed";
            case 401 -> "Authentication is required";
            case 403 -> "Not allowed for this caller";
            case 404 -> "Nothing is found at this path";
            case 405 -> "This method is not allowed at this path";
            case 406 -> "The answer can only be JSON (application/json or application/problem+json)";
            case 408 -> "The request took too long to arrive";
            case 413 -> "The request is too large";
            case 414 -> "The request's path and query are too long";
            case 415 -> "This content type is not accepted at this path";
            case 431 -> "The request's headers are too large";
            case 503 -> "The service is unavailable at the moment; retry later";
            default -> code >= 500 ? "The request failed on an unexpected error; it has been logged"
                    : "The request was refused";
        };
        ProblemDetail problem = ProblemDetail.forStatus(code);
        problem.setDetail(detail);
        problem.setType(URI.create(typeFor(code)));
        problem.setTitle(title);
        return problem;
    }

    /** Plain JSON for a problem without its {@code instance}, for code that has no message converters (Tomcat's valve). */
    static String toJson(ProblemDetail problem) {
        return "{\"type\":\"" + escape(String.valueOf(problem.getType())) + "\",\"title\":\""
                + escape(problem.getTitle()) + "\",\"status\":" + problem.getStatus() + ",\"detail\":\""
                + escape(problem.getDetail()) + "\"}";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(text).toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static ProblemException invalidFields(List<FieldProblem> errors) {
        return new ProblemException(invalidFieldsProblem(errors), null);
    }

    public static ProblemException invalidField(String field, String reason) {
        return invalidFields(List.of(new FieldProblem(field, reason)));
    }

    static ProblemDetail invalidFieldsProblem(List<FieldProblem> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_FIELD, "Invalid field", detail);
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "reason", e.reason())).toList());
        return errors.size() == 1
                ? ProblemMessages.coded(problem, "invalid-field.one", Map.of("field", errors.get(0).field(),
                        "reason", errors.get(0).reason()))
                : ProblemMessages.coded(problem, "invalid-field.many", Map.of("count", errors.size()));
    }

    public static ProblemException decisionNotFound(String decisionId) {
        return new ProblemException(problem(HttpStatus.NOT_FOUND, DECISION_NOT_FOUND, "Decision not found",
                "No decision with id " + decisionId), null);
    }

    public static ProblemException idempotencyConflict(String requestId, String recordedDecisionId) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, IDEMPOTENCY_CONFLICT, "Request id already used",
                "Request id " + requestId + " was already used for a different request; "
                        + "send a new Idempotency-Key for a new request");
        problem.setProperty("field", "Idempotency-Key");
        problem.setProperty("recordedDecisionId", recordedDecisionId);
        return ProblemException.of(problem);
    }

    /**
     * A stored decision record no longer matches its own hash: it is not served. A 500, because the fault is
     * the server's (its store was changed behind its back) and no retry or other request of the caller helps.
     */
    public static ProblemException recordAltered(String decisionId) {
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, RECORD_ALTERED, "Decision record altered",
                "The stored record of decision " + decisionId + " does not match its own hash: it was changed "
                        + "after it was written and is not served. Auditors can see it, marked ALTERED, in the audit "
                        + "search and the chain verification");
        problem.setProperty("decisionId", decisionId);
        return ProblemException.of(problem);
    }

    /** No policy is loaded yet (the store was unreachable at start-up): no decision can be made. */
    public static ProblemException policyUnavailable() {
        return new ProblemException(problem(HttpStatus.SERVICE_UNAVAILABLE, POLICY_UNAVAILABLE, "Policy unavailable",
                "The policy in force could not be loaded from the store yet, so no decision is given; retry later"),
                null);
    }

    /**
     * A store other than the audit trail (users, holds, policy versions, simulations...) could not be read or
     * written: nothing was changed by the request unless its detail says so.
     */
    public static ProblemException storageUnavailable(Throwable cause) {
        return new ProblemException(storageUnavailableProblem(), cause);
    }

    static ProblemDetail storageUnavailableProblem() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, STORAGE_UNAVAILABLE, "Store unavailable",
                "The store cannot be reached at the moment; retry later");
    }

    /** The audit trail could not record (or read back) a decision or an action: it is not done. */
    public static ProblemException auditUnavailable(Throwable cause) {
        return new ProblemException(auditUnavailableProblem(), cause);
    }

    static ProblemDetail auditUnavailableProblem() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, AUDIT_UNAVAILABLE, "Audit trail unavailable",
                "The decision could not be recorded in the audit trail, so it is not given; retry with the "
                        + "same Idempotency-Key");
    }
}
