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

/**
 * Audit records for tests: an order check of order SO-1 on customer C-1000, in REVIEW, unless told otherwise
 * ({@code anOrderCheck().ofType(DUNNING, "LETTER").forOrder("INV-7").receivedAt(t).build()}).
 */
public final class AuditRecords {
    static final JsonMapper JSON = JsonSettings.apply(JsonMapper.builder()).build();
    public static final PolicyStamp POLICY = new PolicyStamp("credit-policy-fr", "2026.1", "c741b9ab");
    private static final DecisionIds IDS = new DecisionIds(java.time.Clock.systemUTC());

    private String decisionId = IDS.next();
    private String requestId;
    private DecisionType type = DecisionType.ORDER_CHECK;
    private String outcome = "REVIEW";
    private String customerId = "C-1000";
    private String orderId = "SO-1";
    private Subject subject;
    private Instant receivedAt = Instant.parse("2026-06-15T09:30:00.123Z");
    private LocalDate asOf = LocalDate.parse("2026-06-15");
    private String payloadHash = "hash-1";
    private String caller = "erp-sales";
    private BigDecimal amount = new BigDecimal("20001.10");
    private String currency = "EUR";
    private PolicyStamp policy = POLICY;
    private String input;
    private DecisionResult result;
    private long evaluationNanos = 41_000;
    private long totalNanos = 230_000;

    public static AuditRecords anOrderCheck() {
        return new AuditRecords();
    }

    public AuditRecords withId(String id) {
        this.decisionId = id;
        return this;
    }

    public AuditRecords withRequestId(String id) {
        this.requestId = id;
        return this;
    }

    /** A decision of {@code type} with this outcome (its subject derived from the type unless given). */
    public AuditRecords ofType(DecisionType type, String outcome) {
        this.type = type;
        this.outcome = outcome;
        return this;
    }

    public AuditRecords withOutcome(String outcome) {
        this.outcome = outcome;
        return this;
    }

    public AuditRecords byCaller(String name) {
        this.caller = name;
        return this;
    }

    public AuditRecords forCustomer(String id) {
        this.customerId = id;
        return this;
    }

    /** The order (order check) or invoice (dunning) decided on; null for none. */
    public AuditRecords forOrder(String id) {
        this.orderId = id;
        return this;
    }

    public AuditRecords about(Subject subject) {
        this.subject = subject;
        return this;
    }

    public AuditRecords receivedAt(Instant at) {
        this.receivedAt = at;
        return this;
    }

    public AuditRecords asOf(LocalDate date) {
        this.asOf = date;
        return this;
    }

    public AuditRecords withPayloadHash(String hash) {
        this.payloadHash = hash;
        return this;
    }

    /** The amount at stake in euros; null for none (and then no currency). */
    public AuditRecords withAmount(BigDecimal amount) {
        this.amount = amount;
        return this;
    }

    public AuditRecords inCurrency(String currency) {
        this.currency = currency;
        return this;
    }

    public AuditRecords underPolicy(PolicyStamp policy) {
        this.policy = policy;
        return this;
    }

    public AuditRecords withInput(String input) {
        this.input = input;
        return this;
    }

    public AuditRecords withResult(DecisionResult result) {
        this.result = result;
        return this;
    }

    public AuditRecords timed(long evaluationNanos, long totalNanos) {
        this.evaluationNanos = evaluationNanos;
        this.totalNanos = totalNanos;
        return this;
    }

    public AuditRecord build() {
        String request = input != null ? input : "{\"customer\":{\"id\":\"" + customerId
                + "\"},\"order\":{\"id\":\"SO-1\",\"amount\":20001.10,\"currency\":\"EUR\"}}";
        return new AuditRecord(decisionId, type, requestId != null ? requestId : "req-" + decisionId, payloadHash,
                caller, receivedAt, asOf, customerId,
                subject != null ? subject : Subject.derived(type, customerId, orderId), outcome, amount, currency,
                policy, request, result != null ? result : reviewedOrder(), evaluationNanos, totalNanos);
    }

    private static DecisionResult reviewedOrder() {
        RuleRef row = new RuleRef("OrderChecks_12", "order-checks.drl.csv", "OrderChecks", 12);
        RuleRef drl = new RuleRef("Order within policy", "credit-policy.drl", null, 0);
        return new DecisionResult(DecisionType.ORDER_CHECK, "REVIEW", 96, "A",
                new BigDecimal("150000"), new BigDecimal("100000"), new BigDecimal("100000.00"),
                new BigDecimal("110001.00"), BigDecimal.ZERO, new BigDecimal("10001.00"),
                new PaymentTerms(45, false), new PaymentTerms(30, false), null, null, List.of(), List.of(), null,
                List.of(new ScoreLine("GEARING", "0.6", 3, row)),
                List.of(new Reason("CREDIT_LIMIT_EXCEEDED", "REVIEW", "Over the limit by 10001.00 EUR.",
                        "Limite dépassée de 10001.00 EUR.", row)),
                List.of(row, drl));
    }
}
