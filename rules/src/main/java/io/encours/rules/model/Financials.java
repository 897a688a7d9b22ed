package io.encours.rules.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** Balance-sheet figures of the last closed fiscal year. Any figure may be null when not filed. */
public record Financials(
        BigDecimal totalAssets,
        BigDecimal totalDebts,
        BigDecimal equity,
        BigDecimal netFinancialDebt,
        BigDecimal revenue,
        LocalDate fiscalYearEnd) {

    /** The solvency of a company without debts: beyond any band a grid may set. */
    public static final BigDecimal NO_DEBTS_SOLVENCY = BigDecimal.valueOf(1_000_000);

    /**
     * General solvency = total assets / total debts; null when not computable. Total assets of 0 mean no
     * balance sheet worth the name (a shell, or a figure not filled in): the ratio is unknown, not 0.
     * No debts at all gives {@link #NO_DEBTS_SOLVENCY}.
     */
    public BigDecimal generalSolvency() {
        if (totalAssets == null || totalDebts == null || totalAssets.signum() == 0) {
            return null;
        }
        if (totalDebts.signum() == 0) {
            // No debts at all: the ratio is unbounded, above every band of any grid.
            return NO_DEBTS_SOLVENCY;
        }
        return totalAssets.divide(totalDebts, 4, RoundingMode.HALF_EVEN);
    }

    /** Gearing = net financial debt / equity; null when not computable or when equity is not positive. */
    public BigDecimal gearing() {
        if (netFinancialDebt == null || equity == null || equity.signum() <= 0) {
            return null;
        }
        return netFinancialDebt.divide(equity, 4, RoundingMode.HALF_EVEN);
    }

    /** Negative equity is a distress signal of its own, scored separately from gearing. */
    public boolean negativeEquity() {
        return equity != null && equity.signum() < 0;
    }
}
