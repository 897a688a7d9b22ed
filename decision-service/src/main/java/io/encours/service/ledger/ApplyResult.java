package io.encours.service.ledger;

import java.util.List;
import java.util.Objects;

/**
 * What applying one event did.
 *
 * @param eventId     the event's id
 * @param outcome     accepted, duplicate (same id, same content: nothing changed) or rejected
 * @param problems    why it was rejected; empty otherwise
 * @param delta       the change to the customer's {@link RunningTotals}; zero unless accepted
 * @param fingerprint the event's content hash ({@link EventFingerprint}), to store beside the event
 */
public record ApplyResult(String eventId, Outcome outcome, List<LedgerProblem> problems, RunningTotals delta,
                          String fingerprint) {
    public enum Outcome { ACCEPTED, DUPLICATE, REJECTED }

    public ApplyResult {
        Objects.requireNonNull(outcome, "outcome");
        problems = List.copyOf(problems);
        Objects.requireNonNull(delta, "delta");
        if ((outcome == Outcome.REJECTED) == problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection has problems, nothing else has");
        }
    }

    static ApplyResult accepted(String eventId, RunningTotals delta, String fingerprint) {
        return new ApplyResult(eventId, Outcome.ACCEPTED, List.of(), delta, fingerprint);
    }

    static ApplyResult duplicate(String eventId, String fingerprint) {
        return new ApplyResult(eventId, Outcome.DUPLICATE, List.of(), RunningTotals.ZERO, fingerprint);
    }

    static ApplyResult rejected(String eventId, List<LedgerProblem> problems, String fingerprint) {
        return new ApplyResult(eventId, Outcome.REJECTED, problems, RunningTotals.ZERO, fingerprint);
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
