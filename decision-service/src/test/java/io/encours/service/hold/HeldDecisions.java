package io.encours.service.hold;

import static io.encours.service.audit.AuditRecords.anOrderCheck;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.PolicyStamp;
import io.encours.rules.decision.Reason;
import io.encours.rules.decision.RuleRef;
import io.encours.rules.model.DecisionType;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.DecisionIds;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Recorded order-check decisions for service-level hold tests:
 * {@code aDecision().blocked().of("40000.00").forCustomer("C-1")}.
 */
final class HeldDecisions {
    private static final DecisionIds IDS = new DecisionIds(Clock.systemUTC());
    private static final PolicyStamp POLICY = new PolicyStamp("credit-policy-fr", "2026.1", "test");

    private DecisionType type = DecisionType.ORDER_CHECK;
    private String outcome = "BLOCK";
    private String reason = "ACCOUNT_BLOCKED";
    private BigDecimal amount = new BigDecimal("40000.00");
    private String customerId = "C-" + UUID.randomUUID();
    private String orderId = "SO-" + UUID.randomUUID();
    private String riskClass = "B";

    static HeldDecisions aDecision() {
        return new HeldDecisions();
    }

    HeldDecisions blocked() {
        outcome = "BLOCK";
        reason = "ACCOUNT_BLOCKED";
        return this;
    }

    HeldDecisions inReview() {
        outcome = "REVIEW";
        reason = "CREDIT_LIMIT_EXCEEDED";
        return this;
    }

    HeldDecisions approved() {
        outcome = "APPROVE";
        reason = null;
        return this;
    }

    HeldDecisions ofType(DecisionType type, String outcome) {
        this.type = type;
        this.outcome = outcome;
        return this;
    }

    HeldDecisions of(String amount) {
        this.amount = new BigDecimal(amount);
        return this;
    }

    HeldDecisions forCustomer(String customerId) {
        this.customerId = customerId;
        return this;
    }

    HeldDecisions forOrder(String orderId) {
        this.orderId = orderId;
        return this;
    }

    HeldDecisions inRiskClass(String riskClass) {
        this.riskClass = riskClass;
        return this;
    }

    AuditRecord build() {
        String decisionId = IDS.next();
        RuleRef row = new RuleRef("OrderChecks_10", "order-checks.drl.csv", "OrderChecks", 10);
        List<Reason> reasons = reason == null ? List.of()
                : List.of(new Reason(reason, outcome, "Reason " + reason, "Motif " + reason, row));
        DecisionResult result = new DecisionResult(type, outcome, 70, riskClass, null, null, null, null, null, null,
                null, null, null, null, List.of(), List.of(), null, List.of(), reasons, List.of(row));
        return anOrderCheck().withId(decisionId).withRequestId(decisionId).ofType(type, outcome)
                .withPayloadHash("hash-" + decisionId).byCaller("erp").receivedAt(Instant.now())
                .forCustomer(customerId).forOrder(orderId).withAmount(amount).underPolicy(POLICY).withInput("{}")
                .withResult(result).timed(1_000, 2_000).build();
    }
}
