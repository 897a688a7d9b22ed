package io.encours.service.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What the KPI endpoints answer: the parameters checked, the dates defaulted, the report run. */
class KpiReports {
    private static final Map<String, Comparator<CustomerFigures>> SORTS = Map.of(
            "customerId", Comparator.comparing(CustomerFigures::customerId),
            "receivables", Comparator.comparing(CustomerFigures::receivables),
            "overdue", Comparator.comparing(CustomerFigures::overdue),
            "overdueRatio", Comparator.comparing(CustomerFigures::overdueRatio,
                    Comparator.nullsFirst(Comparator.naturalOrder())),
            "oldestOverdueDays", Comparator.comparingInt(CustomerFigures::oldestOverdueDays),
            "openInvoices", Comparator.comparingInt(CustomerFigures::openInvoices),
            "disputed", Comparator.comparing(CustomerFigures::disputed));

    private final ReceivablesBook book;
    private final KpiProperties properties;

    KpiReports(ReceivablesBook book, KpiProperties properties) {
        this.book = book;
        this.properties = properties;
    }

    /** A month's end series: {@code points} as of each month end from {@code from}'s month to {@code to}. */
    record Series(LocalDate from, LocalDate to, String step, String currency, List<ReceivablesKpis> points) {
    }

    /** A page of the aged balance by customer. */
    record CustomerPage(LocalDate asOf, String currency, int page, int size, int total, String sort,
                        List<CustomerFigures> customers) {
    }

    ReceivablesKpis receivables(KpiQuery q) {
        LocalDate asOf = asOf(q);
        LocalDate periodFrom = KpiQuery.date("periodFrom", q.periodFrom(), asOf.withDayOfMonth(1));
        if (periodFrom.isAfter(asOf)) {
            throw KpiProblems.invalid("periodFrom", "must be on or before asOf (" + asOf + ")");
        }
        int top = KpiQuery.number("top", q.top(), properties.topCustomers(), 0, 1000);
        KpiScope scope = q.scope();
        return book.report(scope).at(asOf, periodFrom, top);
    }

    Series series(KpiQuery q) {
        LocalDate today = book.today();
        LocalDate to = KpiQuery.date("to", q.to(), today.withDayOfMonth(1).minusDays(1));
        LocalDate from = KpiQuery.date("from", q.from(), YearMonth.from(to).minusMonths(11).atDay(1));
        if (q.step() != null && !q.step().equals("month")) {
            throw KpiProblems.invalid("step", "must be month");
        }
        if (to.isAfter(today)) {
            throw KpiProblems.invalid("to", "must not be after today (" + today + ")");
        }
        if (from.isAfter(to)) {
            throw KpiProblems.invalid("from", "must be on or before to (" + to + ")");
        }
        List<LocalDate> ends = monthEnds(from, to);
        if (ends.size() > properties.maxSeriesPoints()) {
            throw KpiProblems.invalid("from", "a series holds at most " + properties.maxSeriesPoints()
                    + " month ends (encours.kpis.max-series-points), this one " + ends.size());
        }
        ReceivablesReport report = book.report(q.scope());
        List<ReceivablesKpis> points = new ArrayList<>();
        for (LocalDate end : ends) {
            points.add(report.at(end, end.withDayOfMonth(1), 0).withoutTops());
        }
        return new Series(from, to, "month", points.isEmpty() ? null : points.get(0).currency(), points);
    }

    CustomerPage customers(KpiQuery q) {
        LocalDate asOf = asOf(q);
        int page = KpiQuery.number("page", q.page(), 0, 0, Integer.MAX_VALUE);
        int size = KpiQuery.number("size", q.size(), 50, 1, properties.maxPageSize());
        String sort = q.sort() == null ? "overdue,desc" : q.sort();
        List<CustomerFigures> rows = new ArrayList<>(customers(q, asOf, sort));
        int fromIndex = (int) Math.min((long) page * size, rows.size());
        int toIndex = Math.min(fromIndex + size, rows.size());
        String currency = rows.isEmpty() ? q.currency() : rows.get(0).currency();
        return new CustomerPage(asOf, currency, page, size, rows.size(), sort, List.copyOf(rows.subList(fromIndex, toIndex)));
    }

    /** Every customer of the scope as of {@code asOf}, sorted (for a page or an export). */
    List<CustomerFigures> customers(KpiQuery q, LocalDate asOf, String sort) {
        String[] parts = sort.split(",", -1);
        Comparator<CustomerFigures> order = SORTS.get(parts[0]);
        if (order == null || parts.length > 2 || (parts.length == 2 && !parts[1].equals("asc") && !parts[1].equals("desc"))) {
            throw KpiProblems.invalid("sort", "must be a field among " + new java.util.TreeSet<>(SORTS.keySet())
                    + ", then optionally ,asc or ,desc");
        }
        if (parts.length == 2 && parts[1].equals("desc")) {
            order = order.reversed();
        }
        List<CustomerFigures> rows = new ArrayList<>(book.report(q.scope()).customers(asOf));
        rows.sort(order.thenComparing(CustomerFigures::customerId));
        return rows;
    }

    LocalDate asOf(KpiQuery q) {
        LocalDate today = book.today();
        LocalDate asOf = KpiQuery.date("asOf", q.asOf(), today);
        if (asOf.isAfter(today)) {
            throw KpiProblems.invalid("asOf", "must not be after today (" + today + ")");
        }
        return asOf;
    }

    List<String> agedKeys() {
        return book.conventions().pastDueKeys();
    }

    /** The last day of each month from {@code from}'s month to {@code to}; the last one is {@code to} itself. */
    static List<LocalDate> monthEnds(LocalDate from, LocalDate to) {
        List<LocalDate> ends = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth();
            ends.add(end.isAfter(to) ? to : end);
        }
        return ends;
    }
}
