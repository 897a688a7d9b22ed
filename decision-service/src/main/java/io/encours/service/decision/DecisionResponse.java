package io.encours.service.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.DunningStep;
import io.encours.rules.decision.PolicyStamp;
import io.encours.rules.decision.Reason;
import io.encours.rules.decision.RuleRef;
import io.encours.rules.decision.ScoreLine;
import io.encours.rules.model.DecisionType;
import io.encours.rules.model.PaymentTerms;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.Subject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A decision as callers see it: the outcome, the reasons in the caller's language with the policy rule
 * or table row behind each, the figures the outcome rests on, and what identifies it (decision id, request
 * id, policy version). Figures that do not apply to a decision type are left out; the score breakdown line by
 * line is the customer score's own answer (an order check gives the score and class, and its record keeps
 * the breakdown).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DecisionResponse(
        String decisionId,
        String requestId,
        DecisionType type,
        String outcome,
        Instant decidedAt,
        LocalDate asOf,
        String customerId,
        String orderId,
        Subject subject,
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
        List<ReasonLine> reasons,
        List<ScoreLine> scoreBreakdown,
        PolicyStamp policy,
        String language) {

    /** A reason in one language: code, the outcome it pushes towards, message, and where the policy says so. */
    record ReasonLine(String code, String outcome, String message, RuleRef source) {
    }

    static DecisionResponse of(AuditRecord record, Locale locale) {
        DecisionResult r = record.output();
        String language = "fr".equals(locale.getLanguage()) ? "fr" : "en";
        List<ReasonLine> reasons = r.reasons().stream()
                .map((Reason reason) -> new ReasonLine(reason.code(), reason.outcome(), reason.message(locale),
                        reason.source()))
                .toList();
        return new DecisionResponse(record.decisionId(), record.requestId(), record.type(), r.outcome(),
                record.receivedAt(), record.asOf(), record.customerId(), record.orderId(), record.subject(),
                r.score(),
                r.riskClass(), r.recommendedLimit(), r.internalLimit(), r.insuredLimit(), r.exposureAfterOrder(),
                r.availableCredit(), r.uninsuredShare(), r.standardTerms(), r.grantedTerms(), r.approvalLevel(),
                r.depositPercent(), r.conditions(), r.requiredGuarantees(), r.dunningStep(), reasons,
                record.type() == DecisionType.CUSTOMER_SCORE ? r.scoreBreakdown() : null, record.policy(), language);
    }
}
