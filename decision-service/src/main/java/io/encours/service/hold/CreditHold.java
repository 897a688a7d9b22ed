package io.encours.service.hold;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order held by a REVIEW or BLOCK order check, until someone with the authority releases or rejects it.
 *
 * @param amount      the held order's amount
 * @param status      as stored: OPEN, RELEASED or REJECTED ({@link #statusAt} tells EXPIRED apart)
 * @param settledBy   who released or rejected it; null while open
 * @param comment     why it was released or rejected; null while open
 * @param validUntil  a release is valid until then; later the order must be checked again. Null unless released
 * @param maxAmount   a release covers an order up to this amount (held amount plus the policy's tolerance);
 *                    a larger order must be checked again. Null unless released
 */
public record CreditHold(
        String holdId,
        String decisionId,
        String orderId,
        String customerId,
        BigDecimal amount,
        String currency,
        String outcome,
        String riskClass,
        List<String> reasonCodes,
        HoldStatus status,
        Instant openedAt,
        String settledBy,
        Instant settledAt,
        String comment,
        Instant validUntil,
        BigDecimal maxAmount) {

    public CreditHold {
        Objects.requireNonNull(holdId, "holdId");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        reasonCodes = List.copyOf(reasonCodes);
    }

    /** The status as the order-entry system must read it: a release past its validity is EXPIRED. */
    public HoldStatus statusAt(Instant now) {
        return status == HoldStatus.RELEASED && validUntil != null && now.isAfter(validUntil)
                ? HoldStatus.EXPIRED : status;
    }
}
