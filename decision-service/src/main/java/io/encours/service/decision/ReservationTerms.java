package io.encours.service.decision;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.Evaluation;
import io.encours.rules.decision.Reason;
import io.encours.rules.decision.RuleRef;
import io.encours.rules.facts.PolicyParameters;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.ReasonCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an approved order check by reference holds its credit, from the policy's parameters: how long the
 * reservation counts when the ERP never books the order ({@code order.reservationValidityDays}), and how many
 * times a check whose position moved is decided again ({@code order.reservationAttempts}) before it goes to
 * review with the policy's reason {@code CREDIT_POSITION_CONTENDED}. A policy without these parameters gets 14
 * days and 5 attempts.
 */
record ReservationTerms(int attempts, Instant until) {
    static final String APPROVE = "APPROVE";
    static final String REVIEW = "REVIEW";
    static final String CONTENDED = "CREDIT_POSITION_CONTENDED";
    static final String VALIDITY_DAYS = "order.reservationValidityDays";
    static final String ATTEMPTS = "order.reservationAttempts";
    private static final int DEFAULT_VALIDITY_DAYS = 14;
    private static final int DEFAULT_ATTEMPTS = 5;
    private static final Pattern PARAMETER = Pattern.compile("\\{param:([A-Za-z0-9_.-]+)}");

    static ReservationTerms of(CompiledPolicy policy, Instant now) {
        PolicyParameters params = policy.parameters();
        int days = params.has(VALIDITY_DAYS) ? params.integer(VALIDITY_DAYS) : DEFAULT_VALIDITY_DAYS;
        int attempts = params.has(ATTEMPTS) ? params.integer(ATTEMPTS) : DEFAULT_ATTEMPTS;
        return new ReservationTerms(Math.max(1, attempts), now.plus(Duration.ofDays(Math.max(0, days))));
    }

    /**
     * The last evaluation turned into a REVIEW: an approval that could not be reserved is not given. The figures
     * and the other reasons stay as evaluated, so the analyst sees what the check found.
     */
    Evaluation failClosed(CompiledPolicy policy, Evaluation last) {
        DecisionResult r = last.result();
        ReasonCatalogue.Entry entry = policy.reasons().entry(CONTENDED);
        String en = entry == null ? CONTENDED : render(entry.messageEn(), policy.parameters());
        String fr = entry == null ? CONTENDED : render(entry.messageFr(), policy.parameters());
        List<Reason> reasons = new ArrayList<>(r.reasons());
        reasons.add(new Reason(CONTENDED, REVIEW, en, fr,
                new RuleRef("order check by reference: reservation", "reason-codes.csv", null, 0)));
        DecisionResult review = new DecisionResult(r.type(), REVIEW, r.score(), r.riskClass(), r.recommendedLimit(),
                r.internalLimit(), r.insuredLimit(), r.exposureAfterOrder(), r.availableCredit(), r.uninsuredShare(),
                r.standardTerms(), r.grantedTerms(), r.approvalLevel(), r.depositPercent(), r.conditions(),
                r.requiredGuarantees(), r.dunningStep(), r.scoreBreakdown(), reasons, r.firedRules());
        return new Evaluation(review, last.policy(), last.evaluationNanos());
    }

    private static String render(String message, PolicyParameters params) {
        Matcher m = PARAMETER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(params.has(name) ? params.text(name)
                    : String.valueOf(DEFAULT_ATTEMPTS)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
