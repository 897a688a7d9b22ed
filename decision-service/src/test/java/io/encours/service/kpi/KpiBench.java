package io.encours.service.kpi;

import io.encours.service.ledger.Invoice;
import io.encours.service.ledger.Invoice.DisputeMovement;
import io.encours.service.ledger.Invoice.Settlement;
import io.encours.service.ledger.Invoice.SettlementKind;
import io.encours.service.ledger.Promise;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The benchmark of issue 15 (bench/kpi.sh runs it; not a test): a generated book of 1,000,000 invoices over
 * 10,000 customers and 3 years, with partial payments, credit notes, write-offs, reversals, disputes and
 * promises. Times, in one JVM, the compact book's build and heap, then the whole book's KPIs at a past month
 * end, the 36-month series and the aged balance by customer export (CSV and XLSX), each next to the naive
 * computation (one pass over every invoice record per date, in BigDecimal, as a report reading the documents
 * would do).
 */
public final class KpiBench {
    private KpiBench() {
    }

    public static void main(String[] args) throws IOException {
        int invoices = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        LocalDate start = LocalDate.of(2023, 1, 1);
        LocalDate end = LocalDate.of(2025, 12, 31);
        System.out.printf("book: %,d invoices, %,d customers, %s to %s; max heap %,d MB%n", invoices, customers, start,
                end, Runtime.getRuntime().maxMemory() >> 20);
        long t0 = System.nanoTime();
        List<List<Invoice>> records = generate(invoices, customers, start, end, new Random(15));
        System.out.printf("generated the invoice records in %.1f s; heap used with the records %,d MB%n",
                secondsSince(t0), usedMb());
        t0 = System.nanoTime();
        List<CustomerBook> books = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            books.add(CustomerBook.of("C-" + c, "EUR", 1, records.get(c), List.<Promise>of()));
        }
        System.out.printf("compact book built in %.1f s%n", secondsSince(t0));
        long withRecords = usedMb();
        LocalDate monthEnd = LocalDate.of(2025, 6, 30);

        // ---- naive: one pass over every invoice record per date
        t0 = System.nanoTime();
        BigDecimal naive = naiveReceivables(records, monthEnd);
        double naiveOne = secondsSince(t0);
        t0 = System.nanoTime();
        for (int m = 0; m < 36; m++) {
            naiveReceivables(records, YearMonth.from(start).plusMonths(m).atEndOfMonth());
        }
        double naiveSeries = secondsSince(t0);
        t0 = System.nanoTime();
        int naiveRows = naiveByCustomer(records, monthEnd);
        double naiveCustomers = secondsSince(t0);

        records = null;
        long compactOnly = usedMb();
        System.out.printf("heap used: records + compact book %,d MB; compact book alone %,d MB%n", withRecords, compactOnly);

        KpiConventions conventions = KpiConventions.DEFAULT;
        // warm-up (JIT), then measured
        new ReceivablesReport(books, "EUR", conventions).at(monthEnd, monthEnd.withDayOfMonth(1), 10);
        t0 = System.nanoTime();
        ReceivablesKpis kpis = new ReceivablesReport(books, "EUR", conventions).at(monthEnd, monthEnd.withDayOfMonth(1), 10);
        double one = secondsSince(t0);
        if (kpis.receivables().compareTo(naive) != 0) {
            throw new AssertionError("receivables differ: " + kpis.receivables() + " vs naive " + naive);
        }
        t0 = System.nanoTime();
        ReceivablesReport report = new ReceivablesReport(books, "EUR", conventions);
        for (int m = 0; m < 36; m++) {
            LocalDate e = YearMonth.from(start).plusMonths(m).atEndOfMonth();
            report.at(e, e.withDayOfMonth(1), 0);
        }
        double series = secondsSince(t0);
        double[] exports = new double[2];
        String[] formats = {"csv", "xlsx"};
        long[] bytes = new long[2];
        for (int f = 0; f < 2; f++) {
            t0 = System.nanoTime();
            List<CustomerFigures> rows = new ArrayList<>(new ReceivablesReport(books, "EUR", conventions).customers(monthEnd));
            rows.sort(java.util.Comparator.comparing(CustomerFigures::customerId));
            CountingResponse response = new CountingResponse();
            KpiExports.customers(rows, conventions.pastDueKeys(), formats[f], "aged-balance", response);
            exports[f] = secondsSince(t0);
            bytes[f] = response.count;
        }
        System.out.printf("at %s: receivables %s, overdue %s, open invoices %,d, DSO simple %s, count-back %s%n",
                monthEnd, kpis.receivables(), kpis.overdue(), kpis.openInvoices(), kpis.dsoSimple(), kpis.dsoCountback());
        System.out.println();
        System.out.println("| query | compact book | naive (one pass over the records per date) | target |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| whole book KPIs at %s | %.2f s | %.2f s (receivables, overdue, aged only) | <= 2 s |%n",
                monthEnd, one, naiveOne);
        System.out.printf("| 36-month series | %.2f s | %.2f s | <= 10 s |%n", series, naiveSeries);
        System.out.printf("| aged balance by customer, CSV (%,d rows, %,d bytes) | %.2f s | %.2f s (rows only) | <= 10 s |%n",
                customers, bytes[0], exports[0], naiveCustomers);
        System.out.printf("| aged balance by customer, XLSX (%,d bytes) | %.2f s | | <= 10 s |%n", bytes[1], exports[1]);
        if (naiveRows != customers) {
            throw new AssertionError("naive rows " + naiveRows);
        }
    }

    /** Receivables, overdue and the aged balance at one date from the invoice records, in BigDecimal. */
    static BigDecimal naiveReceivables(List<List<Invoice>> records, LocalDate asOf) {
        BigDecimal receivables = BigDecimal.ZERO;
        BigDecimal[] aged = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (List<Invoice> customer : records) {
            for (Invoice i : customer) {
                BigDecimal open = i.openOn(asOf);
                if (open.signum() > 0) {
                    receivables = receivables.add(open);
                    long pastDue = ChronoUnit.DAYS.between(i.dueOn(), asOf);
                    int b = pastDue <= 0 ? 0 : pastDue <= 30 ? 1 : pastDue <= 60 ? 2 : pastDue <= 90 ? 3 : 4;
                    aged[b] = aged[b].add(open);
                }
            }
        }
        return receivables.setScale(2);
    }

    static int naiveByCustomer(List<List<Invoice>> records, LocalDate asOf) {
        int rows = 0;
        for (List<Invoice> customer : records) {
            naiveReceivables(List.of(customer), asOf);
            rows++;
        }
        return rows;
    }

    static List<List<Invoice>> generate(int invoices, int customers, LocalDate start, LocalDate end, Random random) {
        List<List<Invoice>> all = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            all.add(new ArrayList<>());
        }
        int days = (int) ChronoUnit.DAYS.between(start, end) + 1;
        for (int n = 0; n < invoices; n++) {
            int c = random.nextInt(customers);
            LocalDate issued = start.plusDays(random.nextInt(days));
            LocalDate due = issued.plusDays(List.of(30, 30, 45, 60).get(random.nextInt(4)));
            long amount = 1_000 + random.nextInt(2_000_000);
            List<Settlement> settlements = new ArrayList<>();
            List<DisputeMovement> disputes = new ArrayList<>();
            int kind = random.nextInt(100);
            LocalDate paidOn = due.plusDays(random.nextInt(90) - 25);
            if (kind < 60) {
                settlements.add(new Settlement("P" + n, SettlementKind.PAYMENT, max(paidOn, issued), cents(amount), null));
            } else if (kind < 80) {
                long part = amount / 2;
                settlements.add(new Settlement("P" + n, SettlementKind.PAYMENT, max(paidOn, issued), cents(part), null));
                settlements.add(new Settlement("Q" + n, SettlementKind.PAYMENT, paidOn.plusDays(30), cents(amount - part), null));
            } else if (kind < 85) {
                long credit = amount / 10;
                settlements.add(new Settlement("CN" + n, SettlementKind.CREDIT_NOTE, issued.plusDays(5), cents(credit), null));
                settlements.add(new Settlement("P" + n, SettlementKind.PAYMENT, max(paidOn, issued.plusDays(5)),
                        cents(amount - credit), null));
            } else if (kind < 88) {
                settlements.add(new Settlement("P" + n, SettlementKind.PAYMENT, max(paidOn, issued), cents(amount),
                        max(paidOn, issued).plusDays(7)));
            } else if (kind < 90) {
                settlements.add(new Settlement("W" + n, SettlementKind.WRITE_OFF, due.plusDays(180), cents(amount), null));
            }
            if (random.nextInt(20) == 0) {
                disputes.add(new DisputeMovement("D" + n, issued.plusDays(10), cents(amount / 3)));
            }
            all.get(c).add(new Invoice("I" + n, null, null, issued, due, cents(amount), settlements, disputes, List.of()));
        }
        return all;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static BigDecimal cents(long c) {
        return BigDecimal.valueOf(c, 2);
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long usedMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    /** A response that counts the bytes written and keeps none of them. */
    static final class CountingResponse extends MockHttpServletResponse {
        long count;
        private final jakarta.servlet.ServletOutputStream out = new jakarta.servlet.ServletOutputStream() {
            @Override
            public void write(int b) {
                count++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count += len;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(jakarta.servlet.WriteListener listener) {
            }
        };

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() {
            return out;
        }
    }

}
