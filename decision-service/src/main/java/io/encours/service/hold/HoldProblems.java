package io.encours.service.hold;

import io.encours.service.web.ProblemException;
import io.encours.service.web.ProblemMessages;
import io.encours.service.web.Problems;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems of the holds API, in the service's problem catalogue style (stable types). */
final class HoldProblems {
    static final String HOLD_NOT_FOUND = "/problems/hold-not-found";
    static final String HOLD_NOT_OPEN = "/problems/hold-not-open";
    static final String BEYOND_AUTHORITY = "/problems/beyond-authority";
    static final String CALLBACK_TARGET_NOT_FOUND = "/problems/callback-target-not-found";
    static final String CALLBACK_TARGET_EXISTS = "/problems/callback-target-exists";

    private HoldProblems() {
    }

    static ProblemException notFound(String what) {
        return raise(Problems.problem(HttpStatus.NOT_FOUND, HOLD_NOT_FOUND, "Hold not found", what));
    }

    static ProblemException notOpen(CreditHold hold) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, HOLD_NOT_OPEN, "Hold already settled",
                "Hold " + hold.holdId() + " is " + hold.status() + " (by " + hold.settledBy() + "); only an open hold "
                        + "can be released or rejected");
        problem.setProperty("holdId", hold.holdId());
        problem.setProperty("status", hold.status().name());
        ProblemMessages.coded(problem, "hold-not-open", Map.of("holdId", hold.holdId(), "status", hold.status().name(),
                "settledBy", String.valueOf(hold.settledBy())));
        return raise(problem);
    }

    static ProblemException beyondAuthority(CreditHold hold, DelegatedAuthority authority) {
        String limit = authority.limit() == null ? "unlimited" : authority.limit().toPlainString() + " " + hold.currency();
        ProblemDetail problem = Problems.problem(HttpStatus.FORBIDDEN, BEYOND_AUTHORITY,
                "Beyond your delegated authority",
                "Releasing " + hold.amount().toPlainString() + " " + hold.currency() + " needs a higher authority: "
                        + (authority.roles().isEmpty() ? "you have no credit role"
                        : String.join(", ", authority.roles()) + " may release up to " + limit)
                        + "; the attempt has been recorded");
        problem.setProperty("holdId", hold.holdId());
        problem.setProperty("amount", hold.amount());
        problem.setProperty("currency", hold.currency());
        problem.setProperty("limit", authority.limit() == null ? BigDecimal.ZERO : authority.limit());
        problem.setProperty("roles", authority.roles());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("amount", hold.amount());
        params.put("currency", hold.currency());
        params.put("roles", authority.roles());
        params.put("limit", authority.limit() == null ? BigDecimal.ZERO : authority.limit());
        ProblemMessages.coded(problem, authority.roles().isEmpty() ? "beyond-authority.no-role"
                : authority.limit() == null ? "beyond-authority.unlimited" : "beyond-authority", params);
        return raise(problem);
    }

    static ProblemException callbackTargetNotFound(String id) {
        return raise(Problems.problem(HttpStatus.NOT_FOUND, CALLBACK_TARGET_NOT_FOUND, "Callback target not found",
                "No callback allowlist entry with id " + id));
    }

    static ProblemException callbackTargetExists(String origin) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, CALLBACK_TARGET_EXISTS,
                "Callback target already listed", origin + " is already on the callback allowlist; remove it first "
                        + "to change it");
        problem.setProperty("origin", origin);
        return raise(problem);
    }

    /**
     * The decision is recorded but its hold could not be stored: the store, not the audit trail, failed. The
     * decision is not answered; a retry with the same Idempotency-Key replays it and opens the hold.
     */
    static ProblemException holdNotStored(Throwable cause) {
        return new ProblemException(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, Problems.STORAGE_UNAVAILABLE,
                "Store unavailable", "The decision is recorded but its credit hold could not be stored, so it is not "
                        + "answered; retry with the same Idempotency-Key"), cause);
    }

    private static ProblemException raise(ProblemDetail problem) {
        return ProblemException.of(problem);
    }
}
