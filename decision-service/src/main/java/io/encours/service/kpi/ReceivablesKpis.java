package io.encours.service.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The receivables KPIs of a scope as of a date (docs/kpis.md gives each formula). Amounts in the scope's
 * currency with 2 decimals, days with 2 decimals, ratios with 4 decimals (0.1234 = 12.34 %), the CEI in percent
 * with 2 decimals; a figure whose denominator is zero is null.
 *
 * @param customers        customers with a ledger in the scope
 * @param openInvoices     invoices issued on or before {@code asOf} and not fully settled by its end
 * @param aged             open amounts by days past due: {@code current} (not yet due), then the buckets
 * @param agedByInvoiceDate open amounts by days since the invoice date
 * @param dsoWindowDays    N of the simple, average-balance and best possible DSO: sales of (asOf - N, asOf]
 * @param periodFrom       first day of the period of the CEI, the days late of payments and the promises
 * @param averageDaysLate  amount-weighted mean of the days past due of the payments received in the period
 * @param promisesDue      promises whose date falls in the period before {@code asOf}; {@code promisesKept} of them
 */
public record ReceivablesKpis(
        LocalDate asOf,
        String currency,
        int customers,
        int openInvoices,
        BigDecimal receivables,
        BigDecimal overdue,
        BigDecimal overdueRatio,
        Map<String, BigDecimal> aged,
        Map<String, BigDecimal> agedByInvoiceDate,
        BigDecimal creditSales,
        int dsoWindowDays,
        BigDecimal dsoSimple,
        BigDecimal dsoCountback,
        BigDecimal averageBalanceDso,
        BigDecimal bestPossibleDso,
        BigDecimal averageDaysDelinquent,
        LocalDate periodFrom,
        BigDecimal cei,
        BigDecimal paymentsInPeriod,
        BigDecimal averageDaysLate,
        BigDecimal disputed,
        BigDecimal disputedShare,
        int promisesDue,
        int promisesKept,
        BigDecimal promisesKeptRate,
        List<CustomerFigures> topByOverdue,
        List<CustomerFigures> topByOldestOverdue) {

    public ReceivablesKpis {
        aged = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aged));
        agedByInvoiceDate = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(agedByInvoiceDate));
        topByOverdue = List.copyOf(topByOverdue);
        topByOldestOverdue = List.copyOf(topByOldestOverdue);
    }

    ReceivablesKpis withoutTops() {
        return new ReceivablesKpis(asOf, currency, customers, openInvoices, receivables, overdue, overdueRatio, aged,
                agedByInvoiceDate, creditSales, dsoWindowDays, dsoSimple, dsoCountback, averageBalanceDso,
                bestPossibleDso, averageDaysDelinquent, periodFrom, cei, paymentsInPeriod, averageDaysLate, disputed,
                disputedShare, promisesDue, promisesKept, promisesKeptRate, List.of(), List.of());
    }
}
