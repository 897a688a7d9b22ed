package io.encours.service.kpi;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the receivables KPIs. Reporting conventions, not credit decisions: they change how the book is
 * shown to the committee, never whether an order is served (the ledger's grace days, which do, are the policy's).
 *
 * @param agedLimits    upper limits in days of the aged balance's past-due buckets (30, 60, 90: current, 1-30,
 *                      31-60, 61-90, 90+); the same limits age invoices by their invoice date
 * @param dsoWindowDays N of the simple DSO: credit sales of the last N days
 * @param topCustomers  how many customers the top lists hold by default
 * @param maxPageSize   most customers in one page of the aged balance by customer
 * @param maxSeriesPoints most month ends in one series
 */
@ConfigurationProperties("encours.kpis")
public record KpiProperties(
        @DefaultValue({"30", "60", "90"}) List<Integer> agedLimits,
        @DefaultValue("90") int dsoWindowDays,
        @DefaultValue("10") int topCustomers,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue("120") int maxSeriesPoints) {

    public KpiProperties {
        try {
            new KpiConventions(agedLimits, dsoWindowDays);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encours.kpis.aged-limits / dso-window-days: " + e.getMessage());
        }
        if (topCustomers < 0 || topCustomers > 1000) {
            throw new IllegalArgumentException("encours.kpis.top-customers must be between 0 and 1000");
        }
        if (maxPageSize < 1 || maxPageSize > 10_000) {
            throw new IllegalArgumentException("encours.kpis.max-page-size must be between 1 and 10000");
        }
        if (maxSeriesPoints < 1 || maxSeriesPoints > 1200) {
            throw new IllegalArgumentException("encours.kpis.max-series-points must be between 1 and 1200");
        }
    }

    KpiConventions conventions() {
        return new KpiConventions(agedLimits, dsoWindowDays);
    }
}
