package io.encours.service.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's exposure on a date, by category, with the open documents behind each figure.
 *
 * <p>{@code total} (counted against the limit) = open orders (within the horizon) + approved not booked +
 * shipped not invoiced + open invoices not due + overdue - unallocated cash; see {@link ExposureCategory#sign()}
 * and docs/ledger.md for the sources.
 */
public record Exposure(String customerId, String currency, LocalDate asOf, Map<ExposureCategory, BigDecimal> amounts,
                       BigDecimal total, List<ExposureLine> lines) {
    public Exposure {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(asOf, "asOf");
        EnumMap<ExposureCategory, BigDecimal> all = new EnumMap<>(ExposureCategory.class);
        for (ExposureCategory c : ExposureCategory.values()) {
            all.put(c, amounts.getOrDefault(c, BigDecimal.ZERO));
        }
        amounts = java.util.Collections.unmodifiableMap(all);
        Objects.requireNonNull(total, "total");
        lines = List.copyOf(lines);
    }

    static Exposure of(String customerId, String currency, LocalDate asOf, List<ExposureLine> lines) {
        Map<ExposureCategory, BigDecimal> amounts = new EnumMap<>(ExposureCategory.class);
        BigDecimal total = BigDecimal.ZERO;
        for (ExposureLine line : lines) {
            amounts.merge(line.category(), line.amount(), BigDecimal::add);
            total = total.add(line.amount().multiply(BigDecimal.valueOf(line.category().sign())));
        }
        return new Exposure(customerId, currency, asOf, amounts, total, lines);
    }

    /** From figures computed elsewhere (the running totals), with the documents listed behind them. */
    static Exposure ofAmounts(String customerId, String currency, LocalDate asOf,
                              Map<ExposureCategory, BigDecimal> amounts, List<ExposureLine> lines) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<ExposureCategory, BigDecimal> e : amounts.entrySet()) {
            total = total.add(e.getValue().multiply(BigDecimal.valueOf(e.getKey().sign())));
        }
        return new Exposure(customerId, currency, asOf, amounts, total, lines);
    }

    public BigDecimal amount(ExposureCategory category) {
        return amounts.get(category);
    }

    /** The documents behind one figure. */
    public List<ExposureLine> lines(ExposureCategory category) {
        return lines.stream().filter(l -> l.category() == category).toList();
    }

    /**
     * The same figures in the shape of the running totals (all open orders, open invoices in one sum), to
     * compare the two ways of computing them.
     */
    public RunningTotals asRunningTotals() {
        return new RunningTotals(amount(ExposureCategory.OPEN_ORDERS).add(amount(ExposureCategory.OPEN_ORDERS_BEYOND_HORIZON)),
                amount(ExposureCategory.SHIPPED_NOT_INVOICED),
                amount(ExposureCategory.OPEN_INVOICES_NOT_DUE).add(amount(ExposureCategory.OVERDUE)),
                amount(ExposureCategory.DISPUTED), amount(ExposureCategory.UNALLOCATED_CASH));
    }
}
