package io.encours.service.audit;

import io.encours.rules.decision.PolicyStamp;
import io.encours.rules.model.DecisionType;
import java.math.BigDecimal;
import java.time.Instant;

/** One line of a customer's decision history; {@code integrity} is what the record's own hashes say of it. */
public record DecisionSummary(
        String decisionId,
        DecisionType type,
        String outcome,
        Instant receivedAt,
        String requestId,
        String orderId,
        BigDecimal amount,
        String currency,
        PolicyStamp policy,
        Integrity integrity) {
}
