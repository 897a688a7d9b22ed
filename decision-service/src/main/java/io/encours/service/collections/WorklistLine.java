package io.encours.service.collections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One action for one customer on a worklist's day: all the customer's invoices the run put at the same step
 * (level, action, channel), as one letter or call would carry them.
 *
 * @param id            a short stable id derived from the day, the customer, the step and a sequence number
 * @param sequence      1; 2, 3... for invoices that reached a step after that day's line was already worked
 * @param priority      risk x amount: the policy's weight of the customer's risk class x the amount chased
 * @param priorityLabel the policy's own priority of the step (the highest of the invoices')
 * @param assignee      the account's collector; null when none is assigned
 * @param amount        the amount chased: open and not disputed, of all the invoices
 * @param stateReason   why a line was SKIPPED or FAILED; null otherwise
 * @param history       every change of state, with who and when
 */
public record WorklistLine(String id, LocalDate date, String customerId, String customerName, int sequence,
                           int level, String action, String channel, String priorityLabel, BigDecimal priority,
                           String riskClass, String assignee, String currency, List<LineInvoice> invoices,
                           BigDecimal amount, BigDecimal lateInterest, BigDecimal recoveryIndemnity, LineState state,
                           String stateReason, String runId, Instant createdAt, List<Transition> history,
                           long version) {
    public WorklistLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        invoices = List.copyOf(invoices);
        history = List.copyOf(history);
    }

    /**
     * One invoice of the line, with the decision that put it there and the charges the debtor owes on it.
     *
     * @param amount            the amount chased: open and not disputed
     * @param lateInterest      late-payment interest to the day of the run (0 before the due date)
     * @param recoveryIndemnity the fixed recovery indemnity (40 EUR in France) once the invoice is late
     */
    public record LineInvoice(String invoiceId, LocalDate issuedOn, LocalDate dueOn, long daysPastDue,
                              BigDecimal openAmount, BigDecimal disputedAmount, BigDecimal amount,
                              BigDecimal lateInterestRatePercent, BigDecimal lateInterest,
                              BigDecimal recoveryIndemnity, LocalDate nextStepOn, String outcome, String decisionId) {
    }

    /** A change of state: to what, why (for SKIPPED and FAILED), by whom and when. */
    public record Transition(LineState state, String reason, String by, Instant at) {
    }

    boolean holds(String invoiceId) {
        return invoices.stream().anyMatch(i -> i.invoiceId().equals(invoiceId));
    }

    WorklistLine withState(LineState next, String reason, String by, Instant at) {
        List<Transition> more = new java.util.ArrayList<>(history);
        more.add(new Transition(next, reason, by, at));
        return new WorklistLine(id, date, customerId, customerName, sequence, level, action, channel, priorityLabel,
                priority, riskClass, assignee, currency, invoices, amount, lateInterest, recoveryIndemnity, next,
                reason, runId, createdAt, more, version + 1);
    }
}
