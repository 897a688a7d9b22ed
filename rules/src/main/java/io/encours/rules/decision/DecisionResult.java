package io.encours.rules.decision;

import io.encours.rules.model.DecisionType;
import io.encours.rules.model.PaymentTerms;
import java.math.BigDecimal;
import java.util.List;

/**
 * The result of one decision. Fields that do not apply to a decision type are null (for instance
 * {@code dunningStep} for an order check).
 *
 * @param outcome         ORDER_CHECK: APPROVE, REVIEW, BLOCK; CUSTOMER_SCORE: CREDIT_GRANTED,
 *                        GUARANTEE_REQUIRED, PREPAYMENT_ONLY; PAYMENT_TERMS: WITHIN_STANDARD,
 *                        APPROVAL_REQUIRED, REFUSED; DUNNING: DUN, WAIT, SUSPENDED, ESCALATE
 * @param uninsuredShare  the part of the exposure after the order above the insured limit
 * @param approvalLevel   who must approve a payment-term exception: ANALYST, CREDIT_MANAGER, COMMITTEE
 * @param conditions      conditions attached to an approval (deposit, direct debit)
 */
public record DecisionResult(
        DecisionType type,
        String outcome,
        Integer score,
        String riskClass,
        BigDecimal recommendedLimit,
        BigDecimal internalLimit,
        BigDecimal insuredLimit,
        BigDecimal exposureAfterOrder,
        BigDecimal availableCredit,
        BigDecimal uninsuredShare,
        PaymentTerms standardTerms,
        PaymentTerms grantedTerms,
        String approvalLevel,
        BigDecimal depositPercent,
        List<String> conditions,
        List<String> requiredGuarantees,
        DunningStep dunningStep,
        List<ScoreLine> scoreBreakdown,
        List<Reason> reasons,
        List<RuleRef> firedRules) {

    public DecisionResult {
        conditions = List.copyOf(conditions);
        requiredGuarantees = List.copyOf(requiredGuarantees);
        scoreBreakdown = List.copyOf(scoreBreakdown);
        reasons = List.copyOf(reasons);
        firedRules = List.copyOf(firedRules);
    }

    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
