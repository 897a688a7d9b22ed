package io.encours.service.audit;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.PolicyStamp;
import io.encours.rules.decision.Reason;
import io.encours.rules.decision.RuleRef;
import io.encours.rules.decision.ScoreLine;
import io.encours.rules.model.DecisionType;
import io.encours.rules.model.PaymentTerms;
import io.encours.service.web.JsonSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Audit records for repository tests: an order check on customer C-1000 unless told otherwise. */
public final class AuditRecords {
    static final JsonMapper JSON = JsonSettings.apply(JsonMapper.builder()).build();
    static final PolicyStamp POLICY = new PolicyStamp("credit-policy-fr", "2026.1", "c741b9ab");
    private static final DecisionIds IDS = new DecisionIds(java.time.Clock.systemUTC());

    private String decisionId = IDS.next();
    private String requestId = "req-" + decisionId;
    private String customerId = "C-1000";
    private Instant receivedAt = Instant.parse("2026-06-15T09:30:00.123Z");
    private String payloadHash = "hash-1";
    private String caller = "erp-sales";

    public static AuditRecords anOrderCheck() {
        return new AuditRecords();
    }

    public AuditRecords withRequestId(String id) {
        this.requestId = id;
        return this;
    }

    AuditRecords byCaller(String name) {
        this.caller = name;
        return this;
    }

    AuditRecords forCustomer(String id) {
        this.customerId = id;
        return this;
    }

    AuditRecords receivedAt(Instant at) {
        this.receivedAt = at;
        return this;
    }

    AuditRecords withPayloadHash(String hash) {
        this.payloadHash = hash;
        return this;
    }

    public AuditRecord build() {
        RuleRef row = new RuleRef("OrderChecks_12", "order-checks.drl.csv", "OrderChecks", 12);
        RuleRef drl = new RuleRef("Order within policy", "credit-policy.drl", null, 0);
        DecisionResult result = new DecisionResult(DecisionType.ORDER_CHECK, "REVIEW", 96, "A",
                new BigDecimal("150000"), new BigDecimal("100000"), new BigDecimal("100000.00"),
                new BigDecimal("110001.00"), BigDecimal.ZERO, new BigDecimal("10001.00"),
                new PaymentTerms(45, false), new PaymentTerms(30, false), null, null, List.of(), List.of(), null,
                List.of(new ScoreLine("GEARING", "0.6", 3, row)),
                List.of(new Reason("CREDIT_LIMIT_EXCEEDED", "REVIEW", "Over the limit by 10001.00 EUR.",
                        "Limite dépassée de 10001.00 EUR.", row)),
                List.of(row, drl));
        String input = "{\"customer\":{\"id\":\"" + customerId
                + "\"},\"order\":{\"id\":\"SO-1\",\"amount\":20001.10,\"currency\":\"EUR\"}}";
        return new AuditRecord(decisionId, DecisionType.ORDER_CHECK, requestId, payloadHash, caller, receivedAt,
                LocalDate.parse("2026-06-15"), customerId, "SO-1", "REVIEW", new BigDecimal("20001.10"), "EUR", POLICY,
                input, result, 41_000, 230_000);
    }
}
