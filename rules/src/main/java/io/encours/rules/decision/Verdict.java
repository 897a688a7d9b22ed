package io.encours.rules.decision;

import java.util.List;

/** A decision's outcome and reason codes, without the rest of its result. */
public record Verdict(String outcome, List<String> reasonCodes) {
    public Verdict {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
