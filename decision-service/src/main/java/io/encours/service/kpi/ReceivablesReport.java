package io.encours.service.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of a set of customers' books (one currency), as of any date. Built once per request: one pass over
 * every invoice and settlement step gives the receivables of every day (a running sum of the days' changes) and
 * the credit sales of every day; each date asked then costs one pass over the invoices for what depends on due
 * dates (overdue, aged balance, customers). All sums in minor units (exact); ratios and days are divided once,
 * in decimal, rounded half up.
 */
final class ReceivablesReport {
    private static final int RATIO_SCALE = 4;
    private static final int DAYS_SCALE = 2;
    private static final int WORK_SCALE = 12;

    private final List<CustomerBook> books;
    private final KpiConventions conventions;
    private final String currency;
    /** First day of the histograms; receivables before it are zero. */
    private final int firstDay;
    /** receivablesOn[d - firstDay]: the open amount at the end of day d; the last value holds after the end. */
    private final long[] receivablesOn;
    /** salesUpTo[d - firstDay]: invoices issued from firstDay to d inclusive. */
    private final long[] salesUpTo;

    ReceivablesReport(List<CustomerBook> books, String currency, KpiConventions conventions) {
        this.books = List.copyOf(books);
        this.currency = currency;
        this.conventions = conventions;
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (CustomerBook b : books) {
            for (int i = 0; i < b.size; i++) {
                first = Math.min(first, b.issued[i]);
                last = Math.max(last, b.issued[i]);
            }
            for (int s = 0; s < b.stepDay.length; s++) {
                last = Math.max(last, b.stepDay[s]);
            }
        }
        if (first == Integer.MAX_VALUE) {
            first = 0;
            last = 0;
        }
        firstDay = first;
        int length = last - first + 1;
        long[] change = new long[length];
        long[] sales = new long[length];
        for (CustomerBook b : books) {
            for (int i = 0; i < b.size; i++) {
                int issued = b.issued[i];
                change[issued - first] += b.amount[i];
                sales[issued - first] += b.amount[i];
                for (int s = b.stepFrom[i], end = b.stepFrom[i + 1]; s < end; s++) {
                    // a settlement never counts before its invoice exists (the ledger dates none so)
                    change[Math.max(b.stepDay[s], issued) - first] += b.stepDelta[s];
                }
            }
        }
        for (int d = 1; d < length; d++) {
            change[d] += change[d - 1];
            sales[d] += sales[d - 1];
        }
        receivablesOn = change;
        salesUpTo = sales;
    }

    /** Receivables at the end of {@code day}, in minor units. */
    long receivablesOn(int day) {
        if (day < firstDay) {
            return 0;
        }
        return receivablesOn[Math.min(day - firstDay, receivablesOn.length - 1)];
    }

    /** Credit sales (invoice amounts) issued in (after, upTo], in minor units. */
    long sales(int after, int upTo) {
        return salesUpTo(upTo) - salesUpTo(after);
    }

    private long salesUpTo(int day) {
        if (day < firstDay) {
            return 0;
        }
        return salesUpTo[Math.min(day - firstDay, salesUpTo.length - 1)];
    }

    /** The KPIs as of {@code asOf}, over the period [{@code periodFrom}, {@code asOf}], with the top {@code top}. */
    ReceivablesKpis at(LocalDate asOf, LocalDate periodFrom, int top) {
        int day = (int) asOf.toEpochDay();
        int from = (int) periodFrom.toEpochDay();
        List<String> pastDueKeys = conventions.pastDueKeys();
        List<String> ageKeys = conventions.invoiceAgeKeys();
        long[] aged = new long[pastDueKeys.size()];
        long[] byAge = new long[ageKeys.size()];
        long disputed = 0;
        int open = 0;
        long paid = 0;
        long paidTimesDaysLate = 0;
        int promisesDue = 0;
        int promisesKept = 0;
        List<CustomerFigures> customers = new ArrayList<>();
        for (CustomerBook b : books) {
            long[] customerAged = new long[pastDueKeys.size()];
            long customerDisputed = 0;
            int customerOpen = 0;
            int oldest = 0;
            for (int i = 0; i < b.size; i++) {
                if (b.issued[i] > day) {
                    continue;
                }
                long amount = b.open(i, day);
                if (amount > 0) {
                    int pastDue = day - b.due[i];
                    customerAged[conventions.pastDueBucket(pastDue)] += amount;
                    byAge[conventions.invoiceAgeBucket(day - b.issued[i])] += amount;
                    customerDisputed += b.disputed(i, day, amount);
                    customerOpen++;
                    oldest = Math.max(oldest, pastDue);
                }
                for (int k = b.payFrom[i], end = b.payFrom[i + 1]; k < end; k++) {
                    if (b.payDay[k] >= from && b.payDay[k] <= day && b.payReversed[k] > day) {
                        paid += b.payAmount[k];
                        paidTimesDaysLate += b.payAmount[k] * Math.max(0, b.payDay[k] - b.due[i]);
                    }
                }
            }
            for (int p = 0; p < b.promiseDue.length; p++) {
                if (b.promiseDue[p] >= from && b.promiseDue[p] < day) {
                    promisesDue++;
                    promisesKept += b.kept(p, day) ? 1 : 0;
                }
            }
            for (int j = 0; j < aged.length; j++) {
                aged[j] += customerAged[j];
            }
            disputed += customerDisputed;
            open += customerOpen;
            if (top > 0 && customerOpen > 0) {
                customers.add(figures(b, customerOpen, customerAged, oldest, customerDisputed));
            }
        }
        long receivables = receivablesOn(day);
        long current = aged[0];
        long overdue = receivables - current;
        int n = conventions.dsoWindowDays();
        long sales = sales(day - n, day);
        long sumOfDailyReceivables = 0;
        for (int d = day - n + 1; d <= day; d++) {
            sumOfDailyReceivables += receivablesOn(d);
        }
        long opening = receivablesOn(from - 1);
        long periodSales = sales(from - 1, day);
        BigDecimal cei = divide(opening + periodSales - receivables, opening + periodSales - current, 100, DAYS_SCALE);
        return new ReceivablesKpis(asOf, currency, books.size(), open, money(receivables), money(overdue),
                divide(overdue, receivables, 1, RATIO_SCALE), keyed(pastDueKeys, aged), keyed(ageKeys, byAge),
                money(sales), n, divide(receivables, sales, n, DAYS_SCALE), countBack(asOf, receivables),
                divide(sumOfDailyReceivables, sales, 1, DAYS_SCALE), divide(current, sales, n, DAYS_SCALE),
                divide(overdue, sales, n, DAYS_SCALE), periodFrom, cei, money(paid),
                divide(paidTimesDaysLate, paid, 1, DAYS_SCALE), money(disputed), divide(disputed, receivables, 1, RATIO_SCALE),
                promisesDue, promisesKept, promisesDue == 0 ? null
                        : BigDecimal.valueOf(promisesKept).divide(BigDecimal.valueOf(promisesDue), RATIO_SCALE, RoundingMode.HALF_UP),
                top(customers, Comparator.comparing(CustomerFigures::overdue).reversed(), top),
                top(customers, Comparator.comparingInt(CustomerFigures::oldestOverdueDays).reversed(), top));
    }

    /** Every customer of the scope with its aged balance as of {@code asOf} (customers with nothing open too). */
    List<CustomerFigures> customers(LocalDate asOf) {
        int day = (int) asOf.toEpochDay();
        int buckets = conventions.pastDueKeys().size();
        List<CustomerFigures> rows = new ArrayList<>(books.size());
        for (CustomerBook b : books) {
            long[] aged = new long[buckets];
            long disputed = 0;
            int open = 0;
            int oldest = 0;
            for (int i = 0; i < b.size; i++) {
                if (b.issued[i] > day) {
                    continue;
                }
                long amount = b.open(i, day);
                if (amount > 0) {
                    aged[conventions.pastDueBucket(day - b.due[i])] += amount;
                    disputed += b.disputed(i, day, amount);
                    open++;
                    oldest = Math.max(oldest, day - b.due[i]);
                }
            }
            rows.add(figures(b, open, aged, oldest, disputed));
        }
        return rows;
    }

    private CustomerFigures figures(CustomerBook b, int open, long[] aged, int oldest, long disputed) {
        long receivables = 0;
        for (long a : aged) {
            receivables += a;
        }
        long overdue = receivables - aged[0];
        return new CustomerFigures(b.customerId, b.currency, open, money(receivables), money(overdue),
                divide(overdue, receivables, 1, RATIO_SCALE), keyed(conventions.pastDueKeys(), aged),
                Math.max(0, oldest), money(disputed));
    }

    /**
     * Count-back DSO: the receivables are absorbed by the credit sales of calendar months going back from the
     * month of {@code asOf} (that month counts its sales and days up to {@code asOf}); each month wholly absorbed
     * adds its days, the last one its days times the fraction of its sales still needed.
     */
    private BigDecimal countBack(LocalDate asOf, long receivables) {
        if (receivables <= 0) {
            return receivables == 0 ? BigDecimal.ZERO.setScale(DAYS_SCALE) : null;
        }
        long remaining = receivables;
        BigDecimal days = BigDecimal.ZERO;
        YearMonth month = YearMonth.from(asOf);
        int end = (int) asOf.toEpochDay();
        int monthDays = asOf.getDayOfMonth();
        while (end >= firstDay) {
            int start = (int) month.atDay(1).toEpochDay();
            long monthSales = sales(start - 1, end);
            if (remaining <= monthSales) {
                days = days.add(BigDecimal.valueOf(monthDays).multiply(BigDecimal.valueOf(remaining))
                        .divide(BigDecimal.valueOf(monthSales), WORK_SCALE, RoundingMode.HALF_UP));
                return days.setScale(DAYS_SCALE, RoundingMode.HALF_UP);
            }
            remaining -= monthSales;
            days = days.add(BigDecimal.valueOf(monthDays));
            month = month.minusMonths(1);
            end = start - 1;
            monthDays = month.lengthOfMonth();
        }
        // unreachable with consistent books: receivables never exceed what was ever invoiced
        return days.setScale(DAYS_SCALE, RoundingMode.HALF_UP);
    }

    /** The customers with something overdue, first by {@code order}, then by id. */
    private static List<CustomerFigures> top(List<CustomerFigures> customers, Comparator<CustomerFigures> order, int n) {
        return customers.stream().filter(c -> c.overdue().signum() > 0)
                .sorted(order.thenComparing(CustomerFigures::customerId)).limit(n).toList();
    }

    private static Map<String, BigDecimal> keyed(List<String> keys, long[] cents) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int j = 0; j < keys.size(); j++) {
            map.put(keys.get(j), money(cents[j]));
        }
        return map;
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** numerator x factor / denominator, rounded half up; null when the denominator is zero. */
    private static BigDecimal divide(long numerator, long denominator, int factor, int scale) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(factor))
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }
}
