package io.encours.service.auditor;

import static io.encours.service.audit.AuditRecords.anOrderCheck;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.PolicyStamp;
import io.encours.rules.decision.Reason;
import io.encours.rules.decision.RuleRef;
import io.encours.rules.model.DecisionType;
import io.encours.rules.model.PaymentTerms;
import io.encours.service.audit.AuditRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Audit records for the auditor tests, each field chosen by the test. */
final class AuditorFixtures {
    private AuditorFixtures() {
    }

    /** A fresh time-ordered-enough id: a random UUID is fine, ids only break ties of equal sort keys. */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    static final class Decision {
        String decisionId = newId();
        DecisionType type = DecisionType.ORDER_CHECK;
        String customerId = "C-1000";
        String orderId = "SO-1";
        String outcome = "APPROVE";
        List<String> reasonCodes = List.of();
        List<String> firedRules = List.of("Order within policy");
        String policyVersion = "2026.1";
        String policyHash = "c741b9ab";
        String caller = "erp";
        Instant receivedAt = Instant.parse("2026-06-15T09:30:00.123Z");
        BigDecimal amount = new BigDecimal("1000.00");

        Decision customer(String v) { customerId = v; return this; }
        Decision order(String v) { orderId = v; return this; }
        Decision type(DecisionType v) { type = v; return this; }
        Decision outcome(String v) { outcome = v; return this; }
        Decision reasons(String... v) { reasonCodes = List.of(v); return this; }
        Decision rules(String... v) { firedRules = List.of(v); return this; }
        Decision policy(String version, String hash) { policyVersion = version; policyHash = hash; return this; }
        Decision caller(String v) { caller = v; return this; }
        Decision at(Instant v) { receivedAt = v; return this; }
        Decision at(String v) { receivedAt = Instant.parse(v); return this; }
        Decision amount(String v) { amount = v == null ? null : new BigDecimal(v); return this; }

        AuditRecord build() {
            List<RuleRef> rules = new ArrayList<>();
            for (String r : firedRules) {
                rules.add(new RuleRef(r, "credit-policy.drl", null, 0));
            }
            List<Reason> reasons = new ArrayList<>();
            for (String code : reasonCodes) {
                reasons.add(new Reason(code, outcome, "Reason " + code + ".", "Motif " + code + " d\u00e9clench\u00e9.",
                        rules.isEmpty() ? null : rules.get(0)));
            }
            DecisionResult result = new DecisionResult(type, outcome, 80, "B", null, null, null, null, null, null,
                    new PaymentTerms(45, false), new PaymentTerms(30, false), null, null, List.of(), List.of(), null,
                    List.of(), reasons, rules);
            String input = "{\"customer\":{\"id\":\"" + customerId + "\"},\"order\":{\"id\":\"" + orderId
                    + "\",\"note\":\"line\\nbreak \\\"quoted\\\" caf\u00e9\"}}";
            return anOrderCheck().withId(decisionId).ofType(type, outcome).withPayloadHash("hash-" + decisionId)
                    .byCaller(caller).receivedAt(receivedAt).forCustomer(customerId).forOrder(orderId)
                    .withAmount(amount).inCurrency(amount == null ? null : "EUR")
                    .underPolicy(new PolicyStamp("credit-policy-fr", policyVersion, policyHash))
                    .withInput(input).withResult(result).build();
        }
    }

    static Decision decision() {
        return new Decision();
    }
}
