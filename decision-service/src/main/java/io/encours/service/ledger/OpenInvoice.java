package io.encours.service.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An invoice open on a date, as the dunning run reads it: what is still to be paid, its disputed part (not
 * chased), the dunning steps already sent and the promises made on it.
 *
 * @param openAmount     what remains to be paid on the date
 * @param disputedAmount the disputed part of {@code openAmount}
 * @param dunningLevel   the highest level sent by the date; 0 when none
 */
public record OpenInvoice(String customerId, String invoiceId, LocalDate issuedOn, LocalDate dueOn,
                          BigDecimal amount, BigDecimal openAmount, BigDecimal disputedAmount, int dunningLevel,
                          List<SentStep> steps, List<PromiseMade> promises) {
    public OpenInvoice {
        Objects.requireNonNull(invoiceId, "invoiceId");
        steps = List.copyOf(steps);
        promises = List.copyOf(promises);
    }

    /** The part still chased: open and not in dispute. */
    public BigDecimal undisputedAmount() {
        return openAmount.subtract(disputedAmount);
    }

    /** A dunning step sent: its level and date. */
    public record SentStep(int level, LocalDate on) {
    }

    /** A promise to pay covering this invoice, with its state on the date read. */
    public record PromiseMade(LocalDate promisedOn, BigDecimal amount, PromiseState state) {
    }

    /** PENDING until its date; then KEPT or BROKEN by the payments on its invoices (docs/ledger.md). */
    public enum PromiseState { PENDING, KEPT, BROKEN }
}
