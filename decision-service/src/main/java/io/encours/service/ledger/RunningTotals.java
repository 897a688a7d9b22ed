package io.encours.service.ledger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A customer's exposure sums as the ledger keeps them, changed only by the deltas that accepted events return
 * (see {@link ApplyResult#delta()}), so today's exposure is read in constant time whatever the number of
 * documents. Also the type of a delta (its fields may then be negative).
 *
 * <p>Open invoices are one sum here: which of them are overdue changes with the date, without any event, so
 * the split between not due and overdue is computed from the documents ({@link CustomerLedger#exposureAsOf}).
 * Open orders are all open orders: the delivery horizon, which also moves with the date, is applied by the
 * exposure. Disputed is the part of the open invoices under dispute (shown, not added again).
 *
 * @param openOrders         booked, not yet shipped nor invoiced
 * @param shippedNotInvoiced delivered, not yet invoiced
 * @param openInvoices       invoiced and not settled (by payment, credit note, write-off or snapshot)
 * @param disputed           of the open invoices, the disputed part
 * @param unallocatedCash    received and not allocated to any invoice (counts against the exposure)
 */
public record RunningTotals(BigDecimal openOrders, BigDecimal shippedNotInvoiced, BigDecimal openInvoices,
                            BigDecimal disputed, BigDecimal unallocatedCash) {
    public static final RunningTotals ZERO = new RunningTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO);

    public RunningTotals {
        Objects.requireNonNull(openOrders, "openOrders");
        Objects.requireNonNull(shippedNotInvoiced, "shippedNotInvoiced");
        Objects.requireNonNull(openInvoices, "openInvoices");
        Objects.requireNonNull(disputed, "disputed");
        Objects.requireNonNull(unallocatedCash, "unallocatedCash");
    }

    public RunningTotals plus(RunningTotals other) {
        return new RunningTotals(openOrders.add(other.openOrders), shippedNotInvoiced.add(other.shippedNotInvoiced),
                openInvoices.add(other.openInvoices), disputed.add(other.disputed),
                unallocatedCash.add(other.unallocatedCash));
    }

    public RunningTotals minus(RunningTotals other) {
        return new RunningTotals(openOrders.subtract(other.openOrders),
                shippedNotInvoiced.subtract(other.shippedNotInvoiced), openInvoices.subtract(other.openInvoices),
                disputed.subtract(other.disputed), unallocatedCash.subtract(other.unallocatedCash));
    }

    /**
     * The total counted against the limit, without the approved order checks not yet booked (kept outside the
     * ledger): open orders + shipped not invoiced + open invoices - unallocated cash.
     */
    public BigDecimal total() {
        return openOrders.add(shippedNotInvoiced).add(openInvoices).subtract(unallocatedCash);
    }

    public boolean isZero() {
        return equalsInAmount(ZERO);
    }

    /** Equal amounts, whatever their scale ({@code 1.5} and {@code 1.50}). */
    public boolean equalsInAmount(RunningTotals other) {
        return openOrders.compareTo(other.openOrders) == 0 && shippedNotInvoiced.compareTo(other.shippedNotInvoiced) == 0
                && openInvoices.compareTo(other.openInvoices) == 0 && disputed.compareTo(other.disputed) == 0
                && unallocatedCash.compareTo(other.unallocatedCash) == 0;
    }
}
