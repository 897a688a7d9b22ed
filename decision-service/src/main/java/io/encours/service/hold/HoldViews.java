package io.encours.service.hold;

import io.encours.rules.decision.PolicyStamp;
import io.encours.service.audit.AuditRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What the holds API answers. */
final class HoldViews {
    private HoldViews() {
    }

    /** A hold as listed; {@code status} is EXPIRED for a release past its validity. */
    record HoldView(String holdId, String decisionId, String orderId, String customerId, BigDecimal amount,
                    String currency, String outcome, String riskClass, List<String> reasonCodes, HoldStatus status,
                    Instant openedAt, String settledBy, Instant settledAt, String comment, Instant validUntil,
                    BigDecimal maxAmount) {
        static HoldView of(CreditHold h, Instant now) {
            return new HoldView(h.holdId(), h.decisionId(), h.orderId(), h.customerId(), h.amount(), h.currency(),
                    h.outcome(), h.riskClass(), h.reasonCodes(), h.statusAt(now), h.openedAt(), h.settledBy(),
                    h.settledAt(), h.comment(), h.validUntil(), h.maxAmount());
        }
    }

    record HoldPage(int page, int size, long totalElements, List<HoldView> holds) {
    }

    /** One reason of the held decision, in the caller's language. */
    record ReasonView(String code, String outcome, String message) {
    }

    /** The held decision as the audit trail recorded it. */
    record DecisionView(String decisionId, String outcome, Integer score, String riskClass, List<ReasonView> reasons,
                        PolicyStamp policy, String caller, Instant receivedAt) {
        static DecisionView of(AuditRecord r, Locale locale) {
            return new DecisionView(r.decisionId(), r.outcome(), r.output().score(), r.output().riskClass(),
                    r.output().reasons().stream().map(reason -> new ReasonView(reason.code(), reason.outcome(),
                            reason.message(locale))).toList(), r.policy(), r.caller(), r.receivedAt());
        }
    }

    /** A hold with its decision and every action on it, oldest first. */
    record HoldDetail(HoldView hold, DecisionView decision, List<HoldActionRecord> actions, Authority authority) {
    }

    /**
     * The caller's delegated authority for this hold, from the policy in force, so that the page says it before a
     * release is tried: {@code limit} is the highest release limit of the caller's roles (null when unlimited,
     * zero without a credit role), {@code allowed} whether this hold's amount is within it.
     */
    record Authority(List<String> roles, BigDecimal limit, String currency, boolean allowed) {
        static Authority of(DelegatedAuthority a, String currency) {
            return new Authority(a.roles(), a.limit(), currency, a.allowed());
        }
    }

    /** What the order-entry system reads about its order. */
    record OrderHoldView(String holdId, String orderId, HoldStatus status, BigDecimal amount, String currency,
                         String comment, Instant validUntil, BigDecimal maxAmount, String callbackUrl) {
        static OrderHoldView of(CreditHold h, Instant now, String callbackUrl) {
            return new OrderHoldView(h.holdId(), h.orderId(), h.statusAt(now), h.amount(), h.currency(), h.comment(),
                    h.validUntil(), h.maxAmount(), callbackUrl);
        }
    }

    /** A release or rejection: why, in words a sales clerk can read. */
    record SettleBody(String comment) {
    }

    record CallbackBody(String url) {
    }
}
