package io.encours.rules.facts;

import io.encours.rules.model.DecisionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The worksheet one evaluation fills in: the global {@code decision} that table rows and DRL rules write
 * to. Not thread-safe; one per evaluation. Outcomes only ever escalate: the most severe one wins, in the
 * order the evaluator gives for the decision type.
 */
public final class DecisionSheet {

    /** A reason code raised by a rule, with the outcome that rule asked for. */
    public record RaisedReason(String code, String outcome, String rule) {
    }

    /** Points a scoring-grid row gave. */
    public record Points(String criterion, String value, int points, String rule) {
    }

    /** A dunning step a ladder row proposes; the proposal with the highest level is chosen. */
    public static final class StepProposal {
        private int level;
        private String action;
        private String channel;
        private int daysToNext;
        private String priority;

        public StepProposal level(int v) { level = v; return this; }

        public StepProposal action(String v) { action = v; return this; }

        public StepProposal channel(String v) { channel = v; return this; }

        public StepProposal daysToNext(int v) { daysToNext = v; return this; }

        public StepProposal priority(String v) { priority = v; return this; }
    }

    private final DecisionType type;
    private final List<String> severity;
    private final Map<String, StepProposal> proposals = new LinkedHashMap<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<RaisedReason> reasons = new ArrayList<>();
    private final List<Points> points = new ArrayList<>();
    private final Set<String> guarantees = new LinkedHashSet<>();
    private final Set<String> conditions = new LinkedHashSet<>();
    private String outcome;
    private String lastOutcome;
    private int baseScore;
    private String riskClass;
    private BigDecimal recommendedLimit;
    private BigDecimal maxOrderAmount;
    private int standardTermsDays;
    private String approvalLevel;
    private BigDecimal depositPercent;
    private String debtorProfile;
    private int dunningLevel;
    private String dunningAction;
    private String dunningChannel;
    private int daysToNextStep;
    private String priority;
    private BigDecimal lateInterestRate;
    private BigDecimal lateInterest;
    private BigDecimal recoveryIndemnity;
    private LocalDate insurerClaimDeadline;
    private boolean insurerClaimDue;
    private int termsCapDays = Integer.MAX_VALUE;
    private int termsCapEndOfMonthDays = Integer.MAX_VALUE;
    private String chosenStepRule;

    /**
     * @param type     the decision being made
     * @param severity the outcomes of this decision type from least to most severe; the first is the default
     */
    public DecisionSheet(DecisionType type, List<String> severity) {
        this.type = type;
        this.severity = severity;
        this.outcome = severity.get(0);
    }

    // --- outcome and reasons ---

    /** Asks for an outcome; it is taken only if more severe than the current one. */
    public void outcome(String requested, String rule) {
        int rank = severity.indexOf(requested);
        if (rank < 0) {
            throw new IllegalArgumentException("Rule '" + rule + "' asks for outcome '" + requested
                    + "', which is not one of " + severity);
        }
        lastOutcome = requested;
        if (rank > severity.indexOf(outcome)) {
            outcome = requested;
        }
    }

    /**
     * The credit decision of a risk class: it is the outcome of a customer-score decision, and only
     * information for the other decisions, which have outcomes of their own.
     */
    public void creditDecision(String requested, String rule) {
        if (type == DecisionType.CUSTOMER_SCORE) {
            outcome(requested, rule);
        } else {
            lastOutcome = null;
        }
    }

    /** Records a reason only when the decision's outcome is (still) the given one: "approved because...". */
    public void reasonIfOutcome(String expected, String code, String rule) {
        if (expected.equals(outcome)) {
            lastOutcome = expected;
            reason(code, rule);
        }
    }

    /** Records a reason; it carries the outcome the same rule asked for just before, if any. */
    public void reason(String code, String rule) {
        reasons.add(new RaisedReason(code, lastOutcome, rule));
        lastOutcome = null;
    }

    /** Outcome and reason in one call, for DRL rules. */
    public void decide(String requested, String code, String rule) {
        outcome(requested, rule);
        reason(code, rule);
    }

    public void figure(String name, Object value) {
        figures.put(name, value);
    }

    // --- scoring ---

    public void baseScore(int base) {
        this.baseScore = base;
    }

    public void addPoints(ScoringFactor factor, int value, String rule) {
        points.add(new Points(factor.getCriterion(), factor.isKnown() ? factor.shown() : null, value, rule));
    }

    public int getScore() {
        int total = baseScore;
        for (Points p : points) {
            total += p.points();
        }
        return Math.max(0, Math.min(100, total));
    }

    public void riskClass(String value) { this.riskClass = value; }

    public void recommendedLimit(BigDecimal value) { this.recommendedLimit = value; }

    public void maxOrderAmount(BigDecimal value) { this.maxOrderAmount = value; }

    public void standardTermsDays(int value) { this.standardTermsDays = value; }

    /** Adds guarantees from a comma-separated list (e.g. "DEPOSIT, PERSONAL_GUARANTEE"); "NONE" adds nothing. */
    public void guarantees(String list) {
        addAll(guarantees, list);
    }

    public RiskAssessment riskAssessment() {
        return new RiskAssessment(riskClass, maxOrderAmount, standardTermsDays, recommendedLimit);
    }

    // --- payment terms ---

    public void approvalLevel(String value) { this.approvalLevel = value; }

    public void depositPercent(BigDecimal value) { this.depositPercent = value; }

    /** Adds conditions from a comma-separated list (e.g. "DIRECT_DEBIT"); "NONE" adds nothing. */
    public void conditions(String list) {
        addAll(conditions, list);
    }

    // --- payment-term caps (legal and sector), applied to every term the decision states or grants ---

    /**
     * Adds a cap on payment terms: at most {@code maxDays} days net from the invoice date, and at most
     * {@code maxDaysEndOfMonth} days end of month (negative: no end-of-month terms at all). The shortest
     * cap of all the rules that set one wins.
     */
    public void termsCap(int maxDays, int maxDaysEndOfMonth) {
        termsCapDays = Math.min(termsCapDays, maxDays);
        termsCapEndOfMonthDays = Math.min(termsCapEndOfMonthDays, maxDaysEndOfMonth);
        figures.put("termsCapDays", termsCapDays);
    }

    /** The shortest cap in days net from the invoice date; {@link Integer#MAX_VALUE} when no rule set one. */
    public int getTermsCapDays() { return termsCapDays; }

    /** The shortest cap on end-of-month terms; negative when end-of-month terms are not allowed. */
    public int getTermsCapEndOfMonthDays() { return termsCapEndOfMonthDays; }

    /** Whether terms of {@code days} (end of month or not) are within every cap set so far. */
    public boolean withinTermsCaps(int days, boolean endOfMonth) {
        return endOfMonth ? days <= termsCapEndOfMonthDays : days <= termsCapDays;
    }

    // --- dunning ---

    public void debtorProfile(String profile) {
        this.debtorProfile = profile;
    }

    /** The step proposed by one ladder row (one proposal per rule). */
    public StepProposal step(String rule) {
        ladderRows.add(rule);
        return proposals.computeIfAbsent(rule, r -> new StepProposal());
    }

    /** Takes the proposal with the highest level; null when no row proposed a step. */
    public StepChosen chooseStep() {
        StepProposal best = null;
        for (StepProposal p : proposals.values()) {
            if (best == null || p.level > best.level) {
                best = p;
            }
        }
        if (best == null) {
            return null;
        }
        for (Map.Entry<String, StepProposal> e : proposals.entrySet()) {
            if (e.getValue() == best) {
                chosenStepRule = e.getKey();
            }
        }
        dunningLevel = best.level;
        dunningAction = best.action;
        dunningChannel = best.channel;
        daysToNextStep = best.daysToNext;
        priority = best.priority;
        return new StepChosen(best.level, best.daysToNext);
    }

    /**
     * Withdraws the ladder's proposals below {@code level} (and, in the answer, the reasons of their rows).
     *
     * @return true when a proposal was withdrawn and none is left
     */
    public boolean withdrawStepsBelow(int level) {
        boolean any = proposals.values().removeIf(p -> p.level < level);
        return any && proposals.isEmpty();
    }

    public void priority(String value) { this.priority = value; }

    public void lateCharges(BigDecimal ratePercent, BigDecimal interest, BigDecimal indemnity) {
        this.lateInterestRate = ratePercent;
        this.lateInterest = interest;
        this.recoveryIndemnity = indemnity;
    }

    public void insurerClaim(LocalDate deadline, boolean due) {
        this.insurerClaimDeadline = deadline;
        this.insurerClaimDue = due;
    }

    private static void addAll(Set<String> target, String list) {
        if (list == null) {
            return;
        }
        for (String item : list.split(",")) {
            String t = item.trim();
            if (!t.isEmpty() && !"NONE".equalsIgnoreCase(t)) {
                target.add(t);
            }
        }
    }

    // --- read back by the evaluator ---

    public String getOutcome() { return outcome; }

    /** Every reason raised by a rule that fired, whether or not it led to the final answer (for the audit). */
    public List<RaisedReason> getReasons() { return reasons; }

    /**
     * The reasons that led to the final answer: a reason that asked for another outcome than the final one
     * is left out, except in an order check, where every problem found (a REVIEW under a BLOCK) must be
     * solved before the order ships; a dunning-ladder row whose step was not chosen is left out too.
     */
    public List<RaisedReason> getFinalReasons() {
        List<RaisedReason> kept = new ArrayList<>(reasons.size());
        for (RaisedReason r : reasons) {
            if (ladderRows.contains(r.rule()) && !r.rule().equals(chosenStepRule)) {
                continue;
            }
            if (r.outcome() != null && !r.outcome().equals(outcome) && type != DecisionType.ORDER_CHECK) {
                continue;
            }
            kept.add(r);
        }
        return kept;
    }

    private final Set<String> ladderRows = new java.util.HashSet<>();

    public List<Points> getPoints() { return points; }

    public Map<String, Object> getFigures() { return figures; }

    public String getRiskClass() { return riskClass; }

    public BigDecimal getRecommendedLimit() { return recommendedLimit; }

    public BigDecimal getMaxOrderAmount() { return maxOrderAmount; }

    public int getStandardTermsDays() { return standardTermsDays; }

    public List<String> getGuarantees() { return List.copyOf(guarantees); }

    public List<String> getConditions() { return List.copyOf(conditions); }

    public String getApprovalLevel() { return approvalLevel; }

    public BigDecimal getDepositPercent() { return depositPercent; }

    public String getDebtorProfile() { return debtorProfile; }

    public int getDunningLevel() { return dunningLevel; }

    public String getDunningAction() { return dunningAction; }

    public String getDunningChannel() { return dunningChannel; }

    public int getDaysToNextStep() { return daysToNextStep; }

    public String getPriority() { return priority; }

    public BigDecimal getLateInterestRate() { return lateInterestRate; }

    public BigDecimal getLateInterest() { return lateInterest; }

    public BigDecimal getRecoveryIndemnity() { return recoveryIndemnity; }

    public LocalDate getInsurerClaimDeadline() { return insurerClaimDeadline; }

    public boolean isInsurerClaimDue() { return insurerClaimDue; }
}
