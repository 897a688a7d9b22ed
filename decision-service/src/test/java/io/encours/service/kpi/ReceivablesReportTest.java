package io.encours.service.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.ledger.Invoice;
import io.encours.service.ledger.Invoice.DisputeMovement;
import io.encours.service.ledger.Invoice.Settlement;
import io.encours.service.ledger.Invoice.SettlementKind;
import io.encours.service.ledger.Promise;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every KPI of {@link ReceivablesReport} (columns, minor units, running sums) against an independent
 * computation straight from the ledger's {@link Invoice} records in BigDecimal, day by day, on a hand-made
 * ledger (docs/kpis.md's worked example) and on random ones: to the cent and to 0.01 day.
 */
class ReceivablesReportTest {
    private static final KpiConventions CONVENTIONS = KpiConventions.DEFAULT;

    // ------------------------------------------------------------------ the hand-made ledger (docs/kpis.md)

    static List<Book> handMade() {
        Invoice a1 = invoice("A1", "2023-01-10", "2023-02-09", "1000.00",
                List.of(pay("P1", "2023-02-05", "400.00", null), pay("P2", "2023-03-15", "600.00", null)), List.of());
        Invoice a2 = invoice("A2", "2023-02-15", "2023-03-17", "2400.00",
                List.of(settle("CN1", SettlementKind.CREDIT_NOTE, "2023-02-20", "400.00"),
                        pay("P3", "2023-03-31", "1000.00", "2023-04-10")),
                List.of(dispute("2023-03-20", "500.00")));
        Invoice a3 = invoice("A3", "2023-03-28", "2023-04-27", "750.50", List.of(), List.of());
        Invoice b1 = invoice("B1", "2022-12-20", "2023-01-19", "3000.00",
                List.of(pay("P4", "2023-02-28", "500.00", null),
                        settle("WO1", SettlementKind.WRITE_OFF, "2023-04-28", "1000.00")), List.of());
        Invoice b2 = invoice("B2", "2023-01-31", "2023-03-02", "1234.56",
                List.of(settle("S1", SettlementKind.CLOSED_BY_SNAPSHOT, "2023-03-31", "1234.56")), List.of());
        Invoice c1 = invoice("C1", "2023-04-03", "2023-05-03", "5000.00", List.of(),
                List.of(dispute("2023-04-05", "5000.00"), dispute("2023-04-20", "-2000.00")));
        Invoice c2 = invoice("C2", "2022-10-15", "2022-11-14", "800.00", List.of(), List.of());
        return List.of(
                new Book("A", List.of(a1, a2, a3), List.of(promise("PR-A", "2023-03-10", "2023-03-15", "600.00", "A1"))),
                new Book("B", List.of(b1, b2), List.of(promise("PR-B", "2023-03-01", "2023-03-10", "500.00", "B1"))),
                new Book("C", List.of(c1, c2), List.of()));
    }

    @Test
    void theWorkedExampleAtTheEndOfFebruary() {
        ReceivablesKpis k = report(handMade()).at(day("2023-02-28"), day("2023-02-01"), 10);

        assertThat(k.openInvoices()).isEqualTo(5);
        assertThat(k.receivables()).isEqualByComparingTo("7134.56");
        assertThat(k.overdue()).isEqualByComparingTo("3900.00");
        assertThat(k.overdueRatio()).isEqualByComparingTo("0.5466");
        assertThat(k.aged()).containsExactly(Map.entry("current", new BigDecimal("3234.56")),
                Map.entry("1-30", new BigDecimal("600.00")), Map.entry("31-60", new BigDecimal("2500.00")),
                Map.entry("61-90", new BigDecimal("0.00")), Map.entry("90+", new BigDecimal("800.00")));
        assertThat(k.creditSales()).isEqualByComparingTo("7634.56");
        assertThat(k.dsoSimple()).isEqualByComparingTo("84.11");
        assertThat(k.dsoCountback()).isEqualByComparingTo("84.83");
        assertThat(k.bestPossibleDso()).isEqualByComparingTo("38.13");
        assertThat(k.averageDaysDelinquent()).isEqualByComparingTo("45.98");
        assertThat(k.topByOverdue()).extracting(CustomerFigures::customerId).containsExactly("B", "C", "A");
        assertThat(k.topByOldestOverdue()).extracting(CustomerFigures::customerId).containsExactly("C", "B", "A");
        assertThat(k.topByOldestOverdue().get(0).oldestOverdueDays()).isEqualTo(106);
    }

    @Test
    void everyIndicatorOfTheHandMadeLedgerAtEveryMonthEndAndMidMonthEqualsTheIndependentComputation() {
        List<Book> books = handMade();
        ReceivablesReport report = report(books);
        for (String d : List.of("2022-12-31", "2023-01-31", "2023-02-15", "2023-02-28", "2023-03-31", "2023-04-10",
                "2023-04-30", "2023-05-31")) {
            LocalDate asOf = day(d);
            LocalDate from = asOf.withDayOfMonth(1);
            assertSame(report.at(asOf, from, 10), expected(books, asOf, from, CONVENTIONS, 10));
        }
    }

    @Test
    void theMarchFiguresOfPaymentsDisputesAndPromises() {
        ReceivablesKpis k = report(handMade()).at(day("2023-03-31"), day("2023-03-01"), 10);
        // P2 600.00 paid 34 days after A1's due date; P3 1000.00 on A2 14 days late, reversed only in April
        assertThat(k.paymentsInPeriod()).isEqualByComparingTo("1600.00");
        assertThat(k.averageDaysLate()).isEqualByComparingTo("21.50");
        assertThat(k.disputed()).isEqualByComparingTo("500.00");
        assertThat(k.promisesDue()).isEqualTo(2);
        assertThat(k.promisesKept()).isEqualTo(1);
        assertThat(k.promisesKeptRate()).isEqualByComparingTo("0.5000");
        // as of April 30 the reversal has undone P3: it is no payment of March any more
        ReceivablesKpis april = report(handMade()).at(day("2023-04-30"), day("2023-03-01"), 10);
        assertThat(april.paymentsInPeriod()).isEqualByComparingTo("600.00");
    }

    @Test
    void randomLedgersAgreeWithTheIndependentComputationEveryNineteenDays() {
        Random random = new Random(15);
        for (int round = 0; round < 12; round++) {
            List<Book> books = randomBooks(random);
            KpiConventions conventions = round % 2 == 0 ? CONVENTIONS : new KpiConventions(List.of(15, 45), 30 + round);
            ReceivablesReport report = new ReceivablesReport(compact(books), "EUR", conventions);
            for (LocalDate asOf = day("2022-12-01"); asOf.isBefore(day("2024-03-01")); asOf = asOf.plusDays(19)) {
                LocalDate from = asOf.minusDays(random.nextInt(60));
                assertSame(report.at(asOf, from, 5), expected(books, asOf, from, conventions, 5));
            }
        }
    }

    @Test
    void theCustomersRowsAddUpToTheBook() {
        List<Book> books = handMade();
        ReceivablesReport report = report(books);
        LocalDate asOf = day("2023-03-31");
        List<CustomerFigures> rows = report.customers(asOf);
        assertThat(rows.stream().map(CustomerFigures::receivables).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(report.at(asOf, asOf, 0).receivables());
        for (CustomerFigures row : rows) {
            Book b = books.stream().filter(x -> x.id().equals(row.customerId())).findFirst().orElseThrow();
            assertThat(row.receivables()).isEqualByComparingTo(b.invoices().stream().map(i -> i.openOn(asOf))
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    // ------------------------------------------------------------------ the independent computation

    private static void assertSame(ReceivablesKpis actual, Map<String, Object> expected) {
        Map<String, Object> got = new LinkedHashMap<>();
        got.put("openInvoices", actual.openInvoices());
        got.put("receivables", actual.receivables());
        got.put("overdue", actual.overdue());
        got.put("overdueRatio", actual.overdueRatio());
        got.put("aged", actual.aged());
        got.put("agedByInvoiceDate", actual.agedByInvoiceDate());
        got.put("creditSales", actual.creditSales());
        got.put("dsoSimple", actual.dsoSimple());
        got.put("dsoCountback", actual.dsoCountback());
        got.put("averageBalanceDso", actual.averageBalanceDso());
        got.put("bestPossibleDso", actual.bestPossibleDso());
        got.put("averageDaysDelinquent", actual.averageDaysDelinquent());
        got.put("cei", actual.cei());
        got.put("paymentsInPeriod", actual.paymentsInPeriod());
        got.put("averageDaysLate", actual.averageDaysLate());
        got.put("disputed", actual.disputed());
        got.put("disputedShare", actual.disputedShare());
        got.put("promisesDue", actual.promisesDue());
        got.put("promisesKept", actual.promisesKept());
        got.put("topByOverdue", actual.topByOverdue().stream().map(CustomerFigures::customerId).toList());
        got.put("topByOldestOverdue", actual.topByOldestOverdue().stream().map(CustomerFigures::customerId).toList());
        assertThat(got).as("as of " + actual.asOf()).isEqualTo(expected);
    }

    /** Straight from the definitions of docs/kpis.md, in BigDecimal, day by day, from the ledger's records. */
    static Map<String, Object> expected(List<Book> books, LocalDate asOf, LocalDate from, KpiConventions c, int top) {
        int n = c.dsoWindowDays();
        int open = 0;
        BigDecimal receivables = BigDecimal.ZERO;
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal disputed = BigDecimal.ZERO;
        Map<String, BigDecimal> aged = zeros(c.pastDueKeys());
        Map<String, BigDecimal> byAge = zeros(c.invoiceAgeKeys());
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal paidDays = BigDecimal.ZERO;
        int promisesDue = 0;
        int promisesKept = 0;
        Map<String, BigDecimal> overdueByCustomer = new LinkedHashMap<>();
        Map<String, Long> oldestByCustomer = new LinkedHashMap<>();
        for (Book b : books) {
            for (Invoice i : b.invoices()) {
                BigDecimal o = i.openOn(asOf);
                if (o.signum() > 0) {
                    open++;
                    receivables = receivables.add(o);
                    long pastDue = ChronoUnit.DAYS.between(i.dueOn(), asOf);
                    String key = bucket(c.pastDueKeys(), c.agedLimits(), pastDue, true);
                    aged.merge(key, o, BigDecimal::add);
                    byAge.merge(bucket(c.invoiceAgeKeys(), c.agedLimits(), ChronoUnit.DAYS.between(i.issuedOn(), asOf), false),
                            o, BigDecimal::add);
                    if (pastDue <= 0) {
                        current = current.add(o);
                    } else {
                        overdueByCustomer.merge(b.id(), o, BigDecimal::add);
                        oldestByCustomer.merge(b.id(), pastDue, Math::max);
                    }
                    disputed = disputed.add(i.disputedOn(asOf));
                }
                for (Settlement s : i.settlements()) {
                    if (s.kind() == SettlementKind.PAYMENT && !s.on().isBefore(from) && s.effectiveOn(asOf)) {
                        paid = paid.add(s.amount());
                        paidDays = paidDays.add(s.amount().multiply(BigDecimal.valueOf(
                                Math.max(0, ChronoUnit.DAYS.between(i.dueOn(), s.on())))));
                    }
                }
            }
            for (Promise p : b.promises()) {
                if (!p.promisedOn().isBefore(from) && p.promisedOn().isBefore(asOf)) {
                    promisesDue++;
                    BigDecimal paidOnIt = BigDecimal.ZERO;
                    BigDecimal openOnDate = BigDecimal.ZERO;
                    for (Invoice i : b.invoices()) {
                        if (p.invoiceIds().contains(i.invoiceId())) {
                            openOnDate = openOnDate.add(i.openOn(p.promisedOn()));
                            for (Settlement s : i.settlements()) {
                                if (s.kind() == SettlementKind.PAYMENT && !s.on().isBefore(p.madeOn())
                                        && !s.on().isAfter(p.promisedOn()) && s.effectiveOn(asOf)) {
                                    paidOnIt = paidOnIt.add(s.amount());
                                }
                            }
                        }
                    }
                    promisesKept += paidOnIt.compareTo(p.amount()) >= 0 || openOnDate.signum() <= 0 ? 1 : 0;
                }
            }
        }
        BigDecimal overdue = receivables.subtract(current);
        BigDecimal sales = sales(books, asOf.minusDays(n), asOf);
        BigDecimal dailySum = BigDecimal.ZERO;
        for (LocalDate d = asOf.minusDays(n - 1); !d.isAfter(asOf); d = d.plusDays(1)) {
            dailySum = dailySum.add(receivablesOn(books, d));
        }
        BigDecimal opening = receivablesOn(books, from.minusDays(1));
        BigDecimal periodSales = sales(books, from.minusDays(1), asOf);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("openInvoices", open);
        e.put("receivables", receivables.setScale(2));
        e.put("overdue", overdue.setScale(2));
        e.put("overdueRatio", ratio(overdue, receivables, BigDecimal.ONE, 4));
        e.put("aged", aged);
        e.put("agedByInvoiceDate", byAge);
        e.put("creditSales", sales.setScale(2));
        e.put("dsoSimple", ratio(receivables, sales, BigDecimal.valueOf(n), 2));
        e.put("dsoCountback", countBack(books, asOf, receivables));
        e.put("averageBalanceDso", ratio(dailySum, sales, BigDecimal.ONE, 2));
        e.put("bestPossibleDso", ratio(current, sales, BigDecimal.valueOf(n), 2));
        e.put("averageDaysDelinquent", ratio(overdue, sales, BigDecimal.valueOf(n), 2));
        e.put("cei", ratio(opening.add(periodSales).subtract(receivables), opening.add(periodSales).subtract(current),
                BigDecimal.valueOf(100), 2));
        e.put("paymentsInPeriod", paid.setScale(2));
        e.put("averageDaysLate", ratio(paidDays, paid, BigDecimal.ONE, 2));
        e.put("disputed", disputed.setScale(2));
        e.put("disputedShare", ratio(disputed, receivables, BigDecimal.ONE, 4));
        e.put("promisesDue", promisesDue);
        e.put("promisesKept", promisesKept);
        e.put("topByOverdue", overdueByCustomer.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).map(Map.Entry::getKey).toList());
        e.put("topByOldestOverdue", oldestByCustomer.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).map(Map.Entry::getKey).toList());
        return e;
    }

    /** Month by month back from asOf's month (that month up to asOf), each whole month its days. */
    private static BigDecimal countBack(List<Book> books, LocalDate asOf, BigDecimal receivables) {
        if (receivables.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal remaining = receivables;
        BigDecimal days = BigDecimal.ZERO;
        YearMonth month = YearMonth.from(asOf);
        LocalDate end = asOf;
        for (int k = 0; k < 600; k++) {
            LocalDate start = month.atDay(1);
            BigDecimal monthSales = sales(books, start.minusDays(1), end);
            BigDecimal monthDays = BigDecimal.valueOf(ChronoUnit.DAYS.between(start, end) + 1);
            if (remaining.compareTo(monthSales) <= 0) {
                return days.add(monthDays.multiply(remaining).divide(monthSales, 20, RoundingMode.HALF_UP))
                        .setScale(2, RoundingMode.HALF_UP);
            }
            remaining = remaining.subtract(monthSales);
            days = days.add(monthDays);
            month = month.minusMonths(1);
            end = start.minusDays(1);
        }
        throw new AssertionError("receivables larger than all sales");
    }

    private static String bucket(List<String> keys, List<Integer> limits, long days, boolean pastDue) {
        if (pastDue && days <= 0) {
            return keys.get(0);
        }
        for (int j = 0; j < limits.size(); j++) {
            if (days <= limits.get(j)) {
                return keys.get(pastDue ? j + 1 : j);
            }
        }
        return keys.get(keys.size() - 1);
    }

    private static Map<String, BigDecimal> zeros(List<String> keys) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, new BigDecimal("0.00")));
        return m;
    }

    private static BigDecimal receivablesOn(List<Book> books, LocalDate d) {
        return books.stream().flatMap(b -> b.invoices().stream()).map(i -> i.openOn(d)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Invoices issued in (after, upTo]. */
    private static BigDecimal sales(List<Book> books, LocalDate after, LocalDate upTo) {
        return books.stream().flatMap(b -> b.invoices().stream())
                .filter(i -> i.issuedOn().isAfter(after) && !i.issuedOn().isAfter(upTo))
                .map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b, BigDecimal factor, int scale) {
        return b.signum() == 0 ? null : a.multiply(factor).divide(b, scale, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------ builders

    record Book(String id, List<Invoice> invoices, List<Promise> promises) {
    }

    static ReceivablesReport report(List<Book> books) {
        return new ReceivablesReport(compact(books), "EUR", CONVENTIONS);
    }

    static List<CustomerBook> compact(List<Book> books) {
        return books.stream().map(b -> CustomerBook.of(b.id(), "EUR", 1, b.invoices(), b.promises())).toList();
    }

    static List<Book> randomBooks(Random random) {
        List<Book> books = new ArrayList<>();
        int customers = 3 + random.nextInt(8);
        for (int c = 0; c < customers; c++) {
            List<Invoice> invoices = new ArrayList<>();
            List<Promise> promises = new ArrayList<>();
            for (int k = random.nextInt(25); k > 0; k--) {
                LocalDate issued = day("2022-11-01").plusDays(random.nextInt(450));
                LocalDate due = issued.plusDays(List.of(0, 15, 30, 45, 60).get(random.nextInt(5)));
                long amount = 100 + random.nextInt(500_000);
                long left = amount;
                List<Settlement> settlements = new ArrayList<>();
                List<DisputeMovement> disputes = new ArrayList<>();
                // in date order, as the ledger accepts them: never more than what is open that day
                LocalDate cursor = issued;
                for (int s = random.nextInt(4); s > 0 && left > 0; s--) {
                    long part = random.nextInt(3) == 0 ? left : 1 + random.nextLong(left);
                    LocalDate on = cursor.plusDays(random.nextInt(60));
                    SettlementKind kind = SettlementKind.values()[random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(3)];
                    LocalDate reversed = kind == SettlementKind.PAYMENT && random.nextInt(6) == 0
                            ? on.plusDays(1 + random.nextInt(20)) : null;
                    settlements.add(new Settlement("S" + c + "-" + k + "-" + s, kind, on, cents(part), reversed));
                    if (reversed == null) {
                        left -= part;
                        cursor = on;
                    } else {
                        cursor = reversed;
                    }
                }
                if (random.nextInt(5) == 0) {
                    long d = 1 + random.nextLong(amount);
                    LocalDate on = issued.plusDays(random.nextInt(60));
                    disputes.add(new DisputeMovement("D", on, cents(d)));
                    if (random.nextBoolean()) {
                        disputes.add(new DisputeMovement("R", on.plusDays(random.nextInt(40)), cents(-random.nextLong(d))));
                    }
                }
                String id = "I" + c + "-" + k;
                invoices.add(new Invoice(id, null, null, issued, due, cents(amount), settlements, disputes, List.of()));
                if (random.nextInt(4) == 0) {
                    LocalDate made = issued.plusDays(random.nextInt(60));
                    promises.add(new Promise("PR" + id, made, List.of(id), made.plusDays(1 + random.nextInt(20)),
                            cents(1 + random.nextLong(amount))));
                }
            }
            books.add(new Book("C" + c, invoices, promises));
        }
        return books;
    }

    private static BigDecimal cents(long c) {
        return BigDecimal.valueOf(c, 2);
    }

    static Invoice invoice(String id, String issued, String due, String amount, List<Settlement> settlements,
                           List<DisputeMovement> disputes) {
        return new Invoice(id, "O-" + id, null, day(issued), day(due), new BigDecimal(amount), settlements, disputes,
                List.of());
    }

    static Settlement pay(String id, String on, String amount, String reversedOn) {
        return new Settlement(id, SettlementKind.PAYMENT, day(on), new BigDecimal(amount),
                reversedOn == null ? null : day(reversedOn));
    }

    static Settlement settle(String id, SettlementKind kind, String on, String amount) {
        return new Settlement(id, kind, day(on), new BigDecimal(amount), null);
    }

    static DisputeMovement dispute(String on, String amount) {
        return new DisputeMovement("E-" + on, day(on), new BigDecimal(amount));
    }

    static Promise promise(String id, String made, String promisedOn, String amount, String invoiceId) {
        return new Promise(id, day(made), List.of(invoiceId), day(promisedOn), new BigDecimal(amount));
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
