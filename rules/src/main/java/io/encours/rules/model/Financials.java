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

    /** General solvency = total assets / total debts; null when not computable. */
    public BigDecimal generalSolvency() {
        if (totalAssets == null || totalDebts == null || totalDebts.signum() == 0) {
            return null;
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
