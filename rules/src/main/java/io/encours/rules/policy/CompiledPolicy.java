package io.encours.rules.policy;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.DunningStep;
import io.encours.rules.decision.Evaluation;
import io.encours.rules.decision.PolicyStamp;
import io.encours.rules.decision.Reason;
import io.encours.rules.decision.RuleRef;
import io.encours.rules.decision.ScoreLine;
import io.encours.rules.decision.Verdict;
import io.encours.rules.facts.DecisionSheet;
import io.encours.rules.facts.PolicyParameters;
import io.encours.rules.model.DecisionRequest;
import io.encours.rules.model.DecisionType;
import io.encours.rules.model.DunningRequest;
import io.encours.rules.model.OrderCheckRequest;
import io.encours.rules.model.PaymentTerms;
import io.encours.rules.model.PaymentTermsRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * An executable credit policy. Immutable and thread-safe: the rule base is built once at compile time
 * and each evaluation takes a session from a pool, so a policy can serve many threads while a new one
 * compiles elsewhere.
 */
public final class CompiledPolicy {
    private final PolicyManifest manifest;
    private final PolicyBundle bundle;
    private final PolicyStamp stamp;
    private final KieBase kieBase;
    /**
     * One pool per decision type: a session keeps a memory for each rule node it has used and resets them all
     * when it goes back to its pool, so a session that only ever makes one kind of decision resets only that
     * kind's nodes (sessions shared by the four types reset every node of the policy each time).
     */
    private final Map<DecisionType, KieSessionsPool> sessions = new EnumMap<>(DecisionType.class);
    private final PolicyParameters parameters;
    private final ReasonCatalogue reasons;
    private final DelegationTable delegation;
    private final Vocabulary vocabulary;
    private final RuleIndex rules;
    private final Map<String, String> drlBySource;

    CompiledPolicy(PolicyManifest manifest, PolicyBundle bundle, String contentHash, KieBase kieBase,
                   Map<String, String> parameters, ReasonCatalogue reasons, DelegationTable delegation,
                   Vocabulary vocabulary, RuleIndex rules,
                   Map<String, String> drlBySource) {
        this.manifest = manifest;
        this.bundle = bundle;
        this.stamp = new PolicyStamp(manifest.id(), manifest.version(), contentHash);
        this.kieBase = kieBase;
        for (DecisionType type : DecisionType.values()) {
            sessions.put(type, kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2));
        }
        this.parameters = new PolicyParameters(parameters);
        this.reasons = reasons;
        this.delegation = delegation;
        this.vocabulary = vocabulary;
        this.rules = rules;
        this.drlBySource = Map.copyOf(drlBySource);
    }

    public PolicyStamp stamp() {
        return stamp;
    }

    public PolicyManifest manifest() {
        return manifest;
    }

    public PolicyBundle bundle() {
        return bundle;
    }

    public PolicyParameters parameters() {
        return parameters;
    }

    public ReasonCatalogue reasons() {
        return reasons;
    }

    /** Who may release a held order of which amount. */
    public DelegationTable delegation() {
        return delegation;
    }

    /** The codes requests may use for the fields whose meaning the policy gives (sector, legal form). */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Every rule of the policy and where it was written. */
    public Map<String, RuleRef> rules() {
        return rules.all();
    }

    /** The DRL of each source file; for a decision table, the DRL Drools generated from it. */
    public Map<String, String> drl() {
        return drlBySource;
    }

    /**
     * Evaluates one decision.
     *
     * @throws IllegalArgumentException when {@code type} does not match the request
     */
    public Evaluation evaluate(DecisionType type, DecisionRequest request) {
        return evaluate(requireType(type, request));
    }

    /** Evaluates one decision: the result, the rules that fired and the evaluation time. */
    public Evaluation evaluate(DecisionRequest request) {
        long start = System.nanoTime();
        DecisionSheet sheet = new DecisionSheet(request.type(), Outcomes.of(request.type()));
        List<String> fired = new ArrayList<>(24);
        fire(request, sheet, fired);
        DecisionResult result = result(request, sheet, fired);
        return new Evaluation(result, stamp, System.nanoTime() - start);
    }

    /**
     * The outcome and the reason codes alone, as {@link #evaluate} would give them: what a simulation over
     * many recorded decisions compares, without rendering messages or tracking the rules that fire.
     *
     * @throws IllegalArgumentException when {@code type} does not match the request
     */
    public Verdict verdict(DecisionType type, DecisionRequest request) {
        requireType(type, request);
        DecisionSheet sheet = new DecisionSheet(request.type(), Outcomes.of(request.type()));
        fire(request, sheet, null);
        List<String> codes = new ArrayList<>(sheet.getReasons().size());
        for (DecisionSheet.RaisedReason r : sheet.getFinalReasons()) {
            codes.add(r.code());
        }
        return new Verdict(sheet.getOutcome(), codes);
    }

    private static DecisionRequest requireType(DecisionType type, DecisionRequest request) {
        if (request.type() != type) {
            throw new IllegalArgumentException("A " + request.getClass().getSimpleName()
                    + " cannot be evaluated as " + type);
        }
        return request;
    }

    /** Runs the rules over the request's facts into {@code sheet}; names the rules that fire into {@code fired} if given. */
    private void fire(DecisionRequest request, DecisionSheet sheet, List<String> fired) {
        List<Object> facts = FactAssembler.facts(request, sheet, parameters);
        DefaultAgendaEventListener listener = fired == null ? null : new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };
        KieSession session = sessions.get(request.type()).newKieSession();
        try {
            if (listener != null) {
                session.addEventListener(listener);
            }
            session.setGlobal("decision", sheet);
            session.setGlobal("params", parameters);
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules();
        } finally {
            if (listener != null) {
                session.removeEventListener(listener);
            }
            session.dispose();
        }
    }

    private DecisionResult result(DecisionRequest request, DecisionSheet sheet, List<String> fired) {
        boolean scored = request.type() != DecisionType.DUNNING;
        Integer score = scored ? sheet.getScore() : null;
        if (scored) {
            sheet.figure("score", score);
            sheet.figure("riskClass", sheet.getRiskClass());
            sheet.figure("maxOrderAmount", sheet.getMaxOrderAmount());
            sheet.figure("standardTermsDays", sheet.getStandardTermsDays());
            sheet.figure("recommendedLimit", sheet.getRecommendedLimit());
        }
        Map<String, Object> figures = sheet.getFigures();
        Map<String, String> params = parameters.asMap();
        // the answer gives the reasons that led to it; the rules that fired (firedRefs) keep the whole story
        List<Reason> reasonList = new ArrayList<>(sheet.getReasons().size());
        for (DecisionSheet.RaisedReason r : sheet.getFinalReasons()) {
            ReasonCatalogue.Entry e = reasons.entry(r.code());
            reasonList.add(new Reason(r.code(), r.outcome(),
                    ReasonCatalogue.render(e.messageEn(), figures, params),
                    ReasonCatalogue.render(e.messageFr(), figures, params, true), rules.ref(r.rule())));
        }
        List<ScoreLine> breakdown = new ArrayList<>();
        for (DecisionSheet.Points p : sheet.getPoints()) {
            breakdown.add(new ScoreLine(p.criterion(), p.value(), p.points(), rules.ref(p.rule())));
        }
        List<RuleRef> firedRefs = fired.stream().map(rules::ref).toList();

        BigDecimal internal = null, insured = null, after = null, available = null, uninsured = null;
        PaymentTerms standard = scored && sheet.getStandardTermsDays() > 0
                ? new PaymentTerms(sheet.getStandardTermsDays(), false) : null;
        PaymentTerms granted = null;
        DunningStep step = null;
        if (request instanceof OrderCheckRequest r) {
            internal = (BigDecimal) figures.get("internalLimit");
            insured = (BigDecimal) figures.get("insuredLimit");
            after = (BigDecimal) figures.get("exposureAfterOrder");
            available = (BigDecimal) figures.get("availableCredit");
            uninsured = (BigDecimal) figures.get("uninsuredAmount");
            standard = agreedOr(r.customer().creditAccount().standardTermsDays(), standard);
            granted = grant(r.order().requestedTerms(), standard);
        } else if (request instanceof PaymentTermsRequest r) {
            standard = agreedOr(r.customer().creditAccount().standardTermsDays(), standard);
            granted = "REFUSED".equals(sheet.getOutcome()) ? standard : r.requestedTerms();
        } else if (request instanceof DunningRequest r) {
            step = dunningStep(r, sheet);
        }
        // no decision states or grants terms beyond the legal and sector caps the policy set
        standard = capped(standard, sheet);
        granted = capped(granted, sheet);
        // a refused request has nobody to approve it and no deposit to pay
        boolean refused = "REFUSED".equals(sheet.getOutcome());
        return new DecisionResult(request.type(), sheet.getOutcome(), score, sheet.getRiskClass(),
                sheet.getRecommendedLimit(), internal, insured, after, available, uninsured, standard, granted,
                refused ? null : sheet.getApprovalLevel(), refused ? null : sheet.getDepositPercent(), sheet.getConditions(), sheet.getGuarantees(),
                step, breakdown, reasonList, firedRefs);
    }

    /** The terms, or the longest net terms the caps allow when they are beyond a cap. */
    private static PaymentTerms capped(PaymentTerms terms, DecisionSheet sheet) {
        if (terms == null || sheet.withinTermsCaps(terms.days(), terms.endOfMonth())) {
            return terms;
        }
        return new PaymentTerms(sheet.getTermsCapDays(), false);
    }

    private static PaymentTerms agreedOr(Integer agreedDays, PaymentTerms classStandard) {
        return agreedDays != null ? new PaymentTerms(agreedDays, false) : classStandard;
    }

    /** An order check grants the requested terms when they are within the standard ones, else the standard. */
    private static PaymentTerms grant(PaymentTerms requested, PaymentTerms standard) {
        if (requested == null) {
            return standard;
        }
        if (standard == null || requested.maxDaysFromInvoice() <= standard.maxDaysFromInvoice()) {
            return requested;
        }
        return standard;
    }

    private static DunningStep dunningStep(DunningRequest r, DecisionSheet sheet) {
        return new DunningStep(sheet.getDebtorProfile(), sheet.getDunningLevel(), sheet.getDunningAction(),
                sheet.getDunningChannel(), sheet.getDaysToNextStep(),
                sheet.getDunningAction() == null ? null : r.asOf().plusDays(sheet.getDaysToNextStep()),
                sheet.getPriority(), sheet.getLateInterestRate(), sheet.getLateInterest(),
                sheet.getRecoveryIndemnity(), sheet.getInsurerClaimDeadline(), sheet.isInsurerClaimDue());
    }

    KieBase kieBase() {
        return kieBase;
    }
}
