package io.encours.bench;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.Reason;

/** Prints what each benchmark input decides, so the results file says what was measured. */
public final class ShowInputs {
    private ShowInputs() {
    }

    public static void main(String[] args) {
        Inputs inputs = new Inputs();
        inputs.compile();
        inputs.byName().forEach((name, request) -> {
            DecisionResult r = inputs.policy.evaluate(request).result();
            System.out.printf("%-18s %-15s %-17s rules fired %2d, reasons %s%n", name, request.type(), r.outcome(),
                    r.firedRules().size(), r.reasons().stream().map(Reason::code).toList());
        });
    }
}
