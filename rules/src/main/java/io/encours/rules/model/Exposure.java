package io.encours.rules.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Current exposure ("encours"): open invoices and open orders not yet invoiced, with the overdue part.
 */
public record Exposure(
        BigDecimal openInvoices,
        BigDecimal overdueAmount,
        int oldestOverdueDays,
        BigDecimal openOrders,
        BigDecimal disputedAmount,
        int highestDunningLevel) {

    public static Exposure none() {
        return new Exposure(BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0);
    }

    /** Amounts left out count as none; no amount, day count or dunning level may be negative. */
    public Exposure {
        openInvoices = InvalidFact.notNegative(orZero(openInvoices), "openInvoices");
        overdueAmount = InvalidFact.notNegative(orZero(overdueAmount), "overdueAmount");
        InvalidFact.notNegative(oldestOverdueDays, "oldestOverdueDays");
        openOrders = InvalidFact.notNegative(orZero(openOrders), "openOrders");
        disputedAmount = InvalidFact.notNegative(orZero(disputedAmount), "disputedAmount");
        InvalidFact.notNegative(highestDunningLevel, "highestDunningLevel");
    }

    /** Open invoices plus open orders not yet invoiced. */
    public BigDecimal total() {
        return openInvoices.add(openOrders);
    }

    /** Overdue amount as a percentage of open invoices (0 when nothing is open). */
    public BigDecimal overdueRatioPercent() {
        if (openInvoices.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return overdueAmount.multiply(BigDecimal.valueOf(100)).divide(openInvoices, 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
