package io.encours.service.decision;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.Evaluation;
import io.encours.rules.decision.Reason;
import io.encours.rules.decision.RuleRef;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.ReasonCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The parameters table of the last policy seen (one policy is in force at a time), by content hash. */
    private static volatile Map.Entry<String, Map<String, String>> lastParameters = Map.entry("", Map.of());

    static ReservationTerms of(CompiledPolicy policy, Instant now) {
        Map<String, String> params = parameters(policy);
        int days = integer(params, VALIDITY_DAYS, DEFAULT_VALIDITY_DAYS);
        int attempts = integer(params, ATTEMPTS, DEFAULT_ATTEMPTS);
        return new ReservationTerms(Math.max(1, attempts), now.plus(Duration.ofDays(Math.max(0, days))));
    }

    private static int integer(Map<String, String> params, String name, int fallback) {
        String value = params.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /**
     * Read from the bundle's parameters table ({@code name,value,...} lines), as the holds' release terms are,
     * rather than through {@code CompiledPolicy.parameters()}, whose type belongs to the rules' fact model, which
     * the service does not use (ArchitectureTest).
     */
    private static Map<String, String> parameters(CompiledPolicy policy) {
        String hash = policy.stamp().contentHash();
        Map.Entry<String, Map<String, String>> last = lastParameters;
        if (last.getKey().equals(hash)) {
            return last.getValue();
        }
        Map<String, String> params = new HashMap<>();
        String file = policy.manifest().parameters();
        if (file != null && policy.bundle().has(file)) {
            for (String line : new String(policy.bundle().bytes(file), StandardCharsets.UTF_8).split("\\R")) {
                String[] cells = line.split(",", 3);
                if (cells.length >= 2) {
                    params.put(unquote(cells[0]), unquote(cells[1]));
                }
            }
        }
        lastParameters = Map.entry(hash, Map.copyOf(params));
        return params;
    }

    private static String unquote(String cell) {
        String text = cell.trim();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text;
    }

    /**
     * The last evaluation turned into a REVIEW: an approval that could not be reserved is not given. The figures
     * and the other reasons stay as evaluated, so the analyst sees what the check found.
     */
    Evaluation failClosed(CompiledPolicy policy, Evaluation last) {
        DecisionResult r = last.result();
        ReasonCatalogue.Entry entry = policy.reasons().entry(CONTENDED);
        Map<String, String> params = parameters(policy);
        String en = entry == null ? CONTENDED : render(entry.messageEn(), params);
        String fr = entry == null ? CONTENDED : render(entry.messageFr(), params);
        List<Reason> reasons = new ArrayList<>(r.reasons());
        reasons.add(new Reason(CONTENDED, REVIEW, en, fr,
                new RuleRef("order check by reference: reservation", "reason-codes.csv", null, 0)));
        DecisionResult review = new DecisionResult(r.type(), REVIEW, r.score(), r.riskClass(), r.recommendedLimit(),
                r.internalLimit(), r.insuredLimit(), r.exposureAfterOrder(), r.availableCredit(), r.uninsuredShare(),
                r.standardTerms(), r.grantedTerms(), r.approvalLevel(), r.depositPercent(), r.conditions(),
                r.requiredGuarantees(), r.dunningStep(), r.scoreBreakdown(), reasons, r.firedRules());
        return new Evaluation(review, last.policy(), last.evaluationNanos());
    }

    private static String render(String message, Map<String, String> params) {
        Matcher m = PARAMETER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(params.getOrDefault(name,
                    ATTEMPTS.equals(name) ? String.valueOf(DEFAULT_ATTEMPTS) : "?")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
