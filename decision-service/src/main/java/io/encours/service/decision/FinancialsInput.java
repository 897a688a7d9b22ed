package io.encours.service.decision;

import io.encours.rules.model.Financials;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.PastOrPresent;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Last closed balance sheet; any figure may be left out. Equity and net debt may be negative. */
record FinancialsInput(
        @Schema(description = "0 or left out: the solvency ratio is unknown, scored as its worst band")
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
