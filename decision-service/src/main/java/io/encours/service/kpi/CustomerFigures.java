package io.encours.service.kpi;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One customer's receivables as of a date: a row of the aged balance by customer.
 *
 * @param oldestOverdueDays days past due of its oldest overdue open invoice; 0 when nothing is overdue
 */
public record CustomerFigures(String customerId, String currency, int openInvoices, BigDecimal receivables,
                              BigDecimal overdue, BigDecimal overdueRatio, Map<String, BigDecimal> aged,
                              int oldestOverdueDays, BigDecimal disputed) {
    public CustomerFigures {
        aged = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aged));
    }
}
