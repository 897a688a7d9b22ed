package io.encours.service.collections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dunning run and how far it got: saved when it starts, every second while it runs (its progress), and when
 * it ends.
 *
 * @param invoicesFound     open invoices overdue or due within the pre-due window, read so far
 * @param invoicesEvaluated of those, the ones whose decision is recorded
 * @param outcomes          decisions by outcome (DUN, ESCALATE, WAIT, SUSPENDED, NO_ACTION)
 * @param errors            invoices that could not be decided (an account missing, a fact refused), with the first
 *                          few in {@code firstErrors}
 * @param failure           why a FAILED run stopped; null otherwise
 */
public record DunningRun(String id, LocalDate asOf, RunState state, String startedBy, Instant startedAt,
                         Instant finishedAt, long customers, long invoicesFound, long invoicesEvaluated,
                         Map<String, Long> outcomes, long linesCreated, long linesUpdated, long linesRemoved,
                         long errors, List<String> firstErrors, String failure, String policyVersion) {
    public DunningRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        outcomes = Map.copyOf(outcomes);
        firstErrors = List.copyOf(firstErrors);
    }

    /** RUNNING until it ends: FINISHED, FAILED (with why), or INTERRUPTED (the service stopped while it ran). */
    public enum RunState { RUNNING, FINISHED, FAILED, INTERRUPTED }

    /** Invoices evaluated per second since the start (to the end, or to {@code now} while it runs). */
    public double invoicesPerSecond(Instant now) {
        Instant end = finishedAt != null ? finishedAt : now;
        long millis = Math.max(1, end.toEpochMilli() - startedAt.toEpochMilli());
        return Math.round(invoicesEvaluated * 10_000.0 / millis) / 10.0;
    }
}
