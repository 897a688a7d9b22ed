package io.encours.service.hold;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One action on a hold, kept in {@code hold_actions} beside the decision it concerns: who, with which roles,
 * when, why (the comment), on which amount and within which delegated limit. Callback attempts carry the
 * URL, the attempt number and the HTTP status or the error instead of a person.
 *
 * @param limit      the highest delegated limit among the person's roles; null when unlimited or not applicable
 * @param statusCode the callback's HTTP status; null when the call failed before an answer
 */
public record HoldActionRecord(
        String actionId,
        String holdId,
        String decisionId,
        String orderId,
        HoldAction action,
        String who,
        List<String> roles,
        String comment,
        Instant at,
        BigDecimal amount,
        String currency,
        BigDecimal limit,
        String url,
        Integer attempt,
        Integer statusCode,
        String error) {

    public HoldActionRecord {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
