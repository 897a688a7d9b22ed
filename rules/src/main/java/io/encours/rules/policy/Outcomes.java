package io.encours.rules.policy;

import io.encours.rules.model.DecisionType;
import java.util.List;

/**
 * The outcomes of each decision type, least to most severe. These words are the service's contract
 * with its callers (an order system acts on APPROVE / REVIEW / BLOCK), so they are fixed here; which
 * situation leads to which outcome is the policy's business.
 */
public final class Outcomes {
    private Outcomes() {
    }

    public static List<String> of(DecisionType type) {
        return switch (type) {
            case ORDER_CHECK -> List.of("APPROVE", "REVIEW", "BLOCK");
            case CUSTOMER_SCORE -> List.of("CREDIT_GRANTED", "GUARANTEE_REQUIRED", "PREPAYMENT_ONLY");
            case PAYMENT_TERMS -> List.of("WITHIN_STANDARD", "APPROVAL_REQUIRED", "REFUSED");
            case DUNNING -> List.of("NO_ACTION", "DUN", "ESCALATE", "WAIT", "SUSPENDED");
        };
    }
}
