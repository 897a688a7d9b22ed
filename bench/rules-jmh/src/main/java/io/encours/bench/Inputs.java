package io.encours.bench;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.Reason;
import io.encours.rules.model.CustomerScoreRequest;
import io.encours.rules.model.DecisionRequest;
import io.encours.rules.model.DunningRequest;
import io.encours.rules.model.OrderCheckRequest;
import io.encours.rules.model.PaymentTermsRequest;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.DefaultPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The default policy compiled once per fork and shared by every benchmark thread, as the service shares
 * it, with the base-case requests. The setup checks each request still ends where the benchmark says it
 * does, so a policy change cannot silently turn the review case into a happy path.
 */
@State(Scope.Benchmark)
public class Inputs {
    CompiledPolicy policy;
    OrderCheckRequest orderCheckApprove;
    OrderCheckRequest orderCheckReview;
    CustomerScoreRequest customerScore;
    PaymentTermsRequest paymentTerms;
    DunningRequest dunning;

    @Setup(Level.Trial)
    public void compile() {
        policy = DefaultPolicy.compile();
        orderCheckApprove = BaseCase.orderCheckApprove();
        orderCheckReview = BaseCase.orderCheckReview();
        customerScore = BaseCase.customerScore();
        paymentTerms = BaseCase.paymentTerms();
        dunning = BaseCase.dunning();
        expect(orderCheckApprove, "APPROVE", 0);
        expect(orderCheckReview, "REVIEW", 3);
        expect(customerScore, "CREDIT_GRANTED", 1);
        expect(paymentTerms, "APPROVAL_REQUIRED", 1);
        expect(dunning, "DUN", 1);
    }

    /** The requests by benchmark name, for {@link ShowInputs}. */
    Map<String, DecisionRequest> byName() {
        Map<String, DecisionRequest> all = new LinkedHashMap<>();
        all.put("orderCheckApprove", orderCheckApprove);
        all.put("orderCheckReview", orderCheckReview);
        all.put("customerScore", customerScore);
        all.put("paymentTerms", paymentTerms);
        all.put("dunning", dunning);
        return all;
    }

    private void expect(DecisionRequest request, String outcome, int minReasons) {
        DecisionResult r = policy.evaluate(request).result();
        if (!outcome.equals(r.outcome()) || r.reasons().size() < minReasons) {
            throw new IllegalStateException(request.type() + " expected " + outcome + " with at least "
                    + minReasons + " reasons, got " + r.outcome() + " "
                    + r.reasons().stream().map(Reason::code).toList());
        }
    }
}
