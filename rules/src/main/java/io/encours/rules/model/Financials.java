package io.encours.rules.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Figures of the last closed fiscal year (bilan and compte de résultat). Any figure may be null when not
 * filed; the grid scores a ratio it cannot compute as missing data, in its own band.
 *
 * @param totalAssets        total de l'actif (total du bilan)
 * @param totalDebts         total des dettes
 * @param equity             capitaux propres
 * @param netFinancialDebt   endettement financier net (dettes financières - trésorerie)
 * @param revenue            chiffre d'affaires de l'exercice
 * @param fiscalYearEnd      date de clôture de l'exercice
 * @param netIncome          résultat net (negative for a loss)
 * @param operatingIncome    résultat d'exploitation, or EBE (EBITDA) when that is what the provider gives
 * @param currentAssets      actif circulant
 * @param currentLiabilities dettes à court terme (passif circulant)
 * @param cash               disponibilités et valeurs mobilières de placement (trésorerie active)
 * @param interestExpense    charges financières (intérêts et charges assimilées)
 * @param previousRevenue    chiffre d'affaires de l'exercice précédent
 */
public record Financials(
        BigDecimal totalAssets,
        BigDecimal totalDebts,
        BigDecimal equity,
        BigDecimal netFinancialDebt,
        BigDecimal revenue,
        LocalDate fiscalYearEnd,
        BigDecimal netIncome,
        BigDecimal operatingIncome,
        BigDecimal currentAssets,
        BigDecimal currentLiabilities,
        BigDecimal cash,
        BigDecimal interestExpense,
        BigDecimal previousRevenue) {

    /** The solvency of a company without debts: beyond any band a grid may set. */
    public static final BigDecimal NO_DEBTS_SOLVENCY = BigDecimal.valueOf(1_000_000);

    /** The interest cover of a company that pays no interest: beyond any band a grid may set. */
    public static final BigDecimal NO_INTEREST_COVER = BigDecimal.valueOf(1_000_000);

    /** Figures that cannot be negative are refused when they are; equity, net debt and incomes may be. */
    public Financials {
        InvalidFact.notNegative(totalAssets, "totalAssets");
        InvalidFact.notNegative(totalDebts, "totalDebts");
        InvalidFact.notNegative(revenue, "revenue");
        InvalidFact.notNegative(currentAssets, "currentAssets");
        InvalidFact.notNegative(currentLiabilities, "currentLiabilities");
        InvalidFact.notNegative(cash, "cash");
        InvalidFact.notNegative(interestExpense, "interestExpense");
        InvalidFact.notNegative(previousRevenue, "previousRevenue");
    }

    /** Balance-sheet figures only, as callers sent them before the income-statement figures existed. */
    public Financials(BigDecimal totalAssets, BigDecimal totalDebts, BigDecimal equity,
                      BigDecimal netFinancialDebt, BigDecimal revenue, LocalDate fiscalYearEnd) {
        this(totalAssets, totalDebts, equity, netFinancialDebt, revenue, fiscalYearEnd,
                null, null, null, null, null, null, null);
    }

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

    /** Negative equity is a distress signal; the grid reads it through solvency (debts above assets). */
    public boolean negativeEquity() {
        return equity != null && equity.signum() < 0;
    }

    /** Return on assets in percent = net income / total assets x 100 (rentabilité économique); null when unknown. */
    public BigDecimal returnOnAssetsPercent() {
        if (netIncome == null || totalAssets == null || totalAssets.signum() <= 0) {
            return null;
        }
        return netIncome.movePointRight(2).divide(totalAssets, 2, RoundingMode.HALF_EVEN);
    }

    /** Current ratio = current assets / current liabilities (liquidité générale); none owed gives a large ratio. */
    public BigDecimal currentRatio() {
        if (currentAssets == null || currentLiabilities == null) {
            return null;
        }
        if (currentLiabilities.signum() <= 0) {
            return currentAssets.signum() > 0 ? NO_DEBTS_SOLVENCY : null;
        }
        return currentAssets.divide(currentLiabilities, 4, RoundingMode.HALF_EVEN);
    }

    /**
     * Interest cover = operating income / interest expense (couverture des frais financiers); a company
     * paying no interest gets {@link #NO_INTEREST_COVER}; null when either figure is unknown.
     */
    public BigDecimal interestCover() {
        if (operatingIncome == null || interestExpense == null) {
            return null;
        }
        if (interestExpense.signum() <= 0) {
            return NO_INTEREST_COVER;
        }
        return operatingIncome.divide(interestExpense, 4, RoundingMode.HALF_EVEN);
    }

    /** Revenue growth in percent over the previous year; null when either revenue is unknown or the previous is 0. */
    public BigDecimal revenueGrowthPercent() {
        if (revenue == null || previousRevenue == null || previousRevenue.signum() <= 0) {
            return null;
        }
        return revenue.subtract(previousRevenue).movePointRight(2).divide(previousRevenue, 2, RoundingMode.HALF_EVEN);
    }
}
