package io.encours.service.decision;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.PastOrPresent;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Last closed fiscal year (bilan and compte de résultat); any figure may be left out, and the grid then
 * scores the ratio it feeds as missing data. Equity, net debt, net and operating income may be negative.
 */
record FinancialsInput(
        @Schema(description = "Total de l'actif. 0 or left out: the solvency ratio is unknown, scored as missing data")
        @Amount BigDecimal totalAssets,
        @Schema(description = "Total des dettes") @Amount BigDecimal totalDebts,
        @Schema(description = "Capitaux propres") @SignedAmount BigDecimal equity,
        @Schema(description = "Endettement financier net") @SignedAmount BigDecimal netFinancialDebt,
        @Schema(description = "Chiffre d'affaires") @Amount BigDecimal revenue,
        @Schema(description = "Date de clôture de l'exercice") @PastOrPresent LocalDate fiscalYearEnd,
        @Schema(description = "Résultat net (negative for a loss): return on assets") @SignedAmount BigDecimal netIncome,
        @Schema(description = "Résultat d'exploitation, or EBE (EBITDA): interest cover")
        @SignedAmount BigDecimal operatingIncome,
        @Schema(description = "Actif circulant: current ratio") @Amount BigDecimal currentAssets,
        @Schema(description = "Dettes à court terme: current ratio") @Amount BigDecimal currentLiabilities,
        @Schema(description = "Disponibilités (trésorerie active)") @Amount BigDecimal cash,
        @Schema(description = "Charges financières; 0 when the company pays no interest: interest cover")
        @Amount BigDecimal interestExpense,
        @Schema(description = "Chiffre d'affaires de l'exercice précédent: revenue growth")
        @Amount BigDecimal previousRevenue) {
}
