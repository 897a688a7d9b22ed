package io.encours.service.decision;

import io.encours.rules.model.Financials;
import jakarta.validation.constraints.PastOrPresent;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Last closed balance sheet; any figure may be left out. Equity and net debt may be negative. */
record FinancialsInput(
        @Amount BigDecimal totalAssets,
        @Amount BigDecimal totalDebts,
        @SignedAmount BigDecimal equity,
        @SignedAmount BigDecimal netFinancialDebt,
        @Amount BigDecimal revenue,
        @PastOrPresent LocalDate fiscalYearEnd) {

    Financials toModel() {
        return new Financials(totalAssets, totalDebts, equity, netFinancialDebt, revenue, fiscalYearEnd);
    }
}
