package io.encours.service.ledger;

import static io.encours.service.ledger.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-style checks over many random event histories (seeded, so a failure replays): the running totals
 * kept by deltas equal the exposure computed from the documents as of today, whatever the order the events
 * arrive in, and the ERP sending its events out of order changes nothing of what was open on any day.
 */
class RunningTotalsAgreementTest {
    private static final LocalDate TODAY = d("2026-12-03");
    private static final LocalDate START = d("2025-06-01");
    private static final IntakeRules RULES = IntakeRules.of(TODAY, 0);

    @Test
    void the_sum_of_the_deltas_equals_the_exposure_as_of_today_after_every_event_of_300_shuffled_histories() {
        Random random = new Random(20261203L);
        int accepted = 0;
        int rejected = 0;
        for (int sequence = 0; sequence < 300; sequence++) {
            List<LedgerEvent> events = history(random, true);
            shuffleSome(events, random);
            CustomerLedger ledger = new CustomerLedger(CUSTOMER, EUR);
            RunningTotals totals = RunningTotals.ZERO;
            for (LedgerEvent event : events) {
                ApplyResult result = ledger.apply(event, RULES);
                if (result.isAccepted()) accepted++; else rejected++;
                totals = totals.plus(result.delta());
                RunningTotals fromDocuments = ledger.exposureAsOf(TODAY, ExposureRules.DEFAULT, List.of()).asRunningTotals();
                assertThat(totals.equalsInAmount(fromDocuments))
                        .as("sequence %d after %s: %s vs %s", sequence, event.eventId(), totals, fromDocuments).isTrue();
            }
            assertThat(totals.equalsInAmount(ledger.totalsFromDocuments())).isTrue();
            assertThat(totals.equalsInAmount(CustomerLedger.restore(ledger.state()).totalsFromDocuments())).isTrue();
        }
        // the histories exercise both paths: most events accepted, the out-of-order dependent ones refused
        assertThat(accepted).isGreaterThan(rejected);
        assertThat(rejected).isPositive();
    }

    /**
     * Today's figures from the running totals alone equal those computed from the documents, to the cent, for
     * every category and every behaviour figure: at the end of each shuffled history and on several later days
     * (the same totals, as dates move past due dates, delivery dates, promise dates and out of the 12 months),
     * with and without a delivery horizon and grace days, the totals folded as a commit folds them.
     */
    @Test
    void todays_exposure_and_behaviour_from_the_running_totals_equal_those_from_the_documents_on_several_days() {
        Random random = new Random(1403L);
        List<ExposureRules> conventions = List.of(ExposureRules.DEFAULT, new ExposureRules(30, 0), new ExposureRules(0, 10));
        int compared = 0;
        seen.clear();
        for (int sequence = 0; sequence < 120; sequence++) {
            List<LedgerEvent> events = history(random, true);
            events.add(new LedgerEvent.OrderBooked("X" + sequence, CUSTOMER, TODAY.minusDays(3), EUR, "OX", cents(random, 5_000),
                    TODAY.plusDays(random.nextInt(90))));
            shuffleSome(events, random);
            CustomerLedger ledger = new CustomerLedger(CUSTOMER, EUR);
            RunningTotals totals = RunningTotals.ZERO;
            int step = 0;
            for (LedgerEvent event : events) {
                totals = totals.plus(ledger.apply(event, RULES).delta()).foldedOn(TODAY);
                if (++step % 7 == 0 || step == events.size()) {
                    LocalDate day = totals.latestOn() == null || totals.latestOn().isBefore(TODAY) ? TODAY : totals.latestOn();
                    compared += compare(sequence, ledger, totals, day, conventions);
                }
            }
            assertThat(totals.sameAs(ledger.totalsFromDocuments().foldedOn(TODAY))).as("sequence %d", sequence).isTrue();
            assertThat(totals.sameAs(CustomerLedger.restore(ledger.state()).totalsFromDocuments().foldedOn(TODAY))).isTrue();
            for (int later : new int[] {0, 1, 9, 31, 45, 120, 200, 366, 400}) {
                compared += compare(sequence, ledger, totals, TODAY.plusDays(later), conventions);
            }
        }
        assertThat(compared).isGreaterThan(3_000);
        // the figures that move with the day without any event were all exercised
        assertThat(seen).contains("overdue", "beyondHorizon", "brokenPromise", "incident", "daysLate", "dunning",
                "disputed", "unallocated", "shipped");
    }

    private static final java.util.Set<String> seen = new java.util.HashSet<>();

    private static int compare(int sequence, CustomerLedger ledger, RunningTotals totals, LocalDate day,
                               List<ExposureRules> conventions) {
        for (ExposureRules rules : conventions) {
            Exposure fromTotals = totals.exposureOn(CUSTOMER, EUR, day, rules, List.of(), List.of());
            Exposure fromDocuments = ledger.exposureAsOf(day, rules, List.of());
            Map<ExposureCategory, Long> counts = totals.documentsOn(day, rules);
            for (ExposureCategory c : ExposureCategory.values()) {
                assertThat(fromTotals.amount(c)).as("sequence %d, %s on %s with %s", sequence, c, day, rules)
                        .isEqualByComparingTo(fromDocuments.amount(c));
                if (c != ExposureCategory.APPROVED_NOT_BOOKED) {
                    assertThat(counts.get(c)).as("documents of %s, sequence %d on %s", c, sequence, day)
                            .isEqualTo(fromDocuments.lines(c).size());
                }
            }
            assertThat(fromTotals.total()).isEqualByComparingTo(fromDocuments.total());
            if (fromDocuments.amount(ExposureCategory.OVERDUE).signum() > 0) seen.add("overdue");
            if (fromDocuments.amount(ExposureCategory.OPEN_ORDERS_BEYOND_HORIZON).signum() > 0) seen.add("beyondHorizon");
            if (fromDocuments.amount(ExposureCategory.DISPUTED).signum() > 0) seen.add("disputed");
            if (fromDocuments.amount(ExposureCategory.UNALLOCATED_CASH).signum() > 0) seen.add("unallocated");
            if (fromDocuments.amount(ExposureCategory.SHIPPED_NOT_INVOICED).signum() > 0) seen.add("shipped");
            PaymentBehaviour a = totals.behaviourOn(day, rules);
            PaymentBehaviour b = ledger.behaviourAsOf(day, rules);
            assertThat(a).as("behaviour, sequence %d on %s with %s", sequence, day, rules)
                    .usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(b);
            if (b.brokenPromises() > 0) seen.add("brokenPromise");
            if (b.paymentIncidents12m() > 0) seen.add("incident");
            if (b.averageDaysLate12m() != null && b.averageDaysLate12m().signum() > 0) seen.add("daysLate");
            if (b.highestDunningLevel() > 0) seen.add("dunning");
        }
        return conventions.size();
    }

    @Test
    void orders_shipments_invoices_and_payments_arriving_in_any_order_give_the_same_exposure_on_every_day() {
        Random random = new Random(42L);
        for (int sequence = 0; sequence < 300; sequence++) {
            List<LedgerEvent> inOrder = history(random, false);
            List<LedgerEvent> shuffled = new ArrayList<>(inOrder);
            Collections.shuffle(shuffled, random);
            CustomerLedger a = fed(inOrder);
            CustomerLedger b = fed(shuffled);
            for (LocalDate day = START; !day.isAfter(TODAY); day = day.plusDays(17)) {
                Exposure ea = a.exposureAsOf(day, ExposureRules.DEFAULT, List.of());
                Exposure eb = b.exposureAsOf(day, ExposureRules.DEFAULT, List.of());
                for (ExposureCategory c : ExposureCategory.values()) {
                    assertThat(eb.amount(c)).as("sequence %d, %s on %s", sequence, c, day).isEqualByComparingTo(ea.amount(c));
                }
            }
            assertThat(b.totalsFromDocuments().equalsInAmount(a.totalsFromDocuments())).isTrue();
        }
    }

    private static CustomerLedger fed(List<LedgerEvent> events) {
        CustomerLedger ledger = new CustomerLedger(CUSTOMER, EUR);
        for (LedgerEvent e : events) {
            assertThat(ledger.apply(e, RULES).problems()).as(e.toString()).isEmpty();
        }
        return ledger;
    }

    /** Moves about a third of the events to a random later or earlier place. */
    private static void shuffleSome(List<LedgerEvent> events, Random random) {
        for (int i = 0; i < events.size() / 3; i++) {
            LedgerEvent moved = events.remove(random.nextInt(events.size()));
            events.add(random.nextInt(events.size() + 1), moved);
        }
    }

    /**
     * A plausible history in date order: orders booked, changed, shipped (partly or completely), invoiced (on the
     * shipment or the order), paid (allocated or not, within what is open), and with {@code everything} also
     * cancellations, credit notes, write-offs, disputes, reversals, promises and dunning.
     */
    private static List<LedgerEvent> history(Random r, boolean everything) {
        List<LedgerEvent> events = new ArrayList<>();
        int[] n = {0};
        int orders = 1 + r.nextInt(5);
        List<String[]> invoices = new ArrayList<>(); // id, amount, issuedOn
        for (int o = 0; o < orders; o++) {
            String orderId = "O" + o;
            LocalDate booked = START.plusDays(r.nextInt(400));
            BigDecimal amount = cents(r, 100_000);
            events.add(new LedgerEvent.OrderBooked(id(n), CUSTOMER, booked, EUR, orderId, amount,
                    r.nextBoolean() ? booked.plusDays(r.nextInt(90)) : null));
            LocalDate day = booked;
            if (everything && r.nextInt(4) == 0) {
                day = later(day, r);
                amount = amount.add(cents(r, 10_000));
                events.add(new LedgerEvent.OrderChanged(id(n), CUSTOMER, day, EUR, orderId, amount, null));
            }
            BigDecimal left = amount;
            int shipments = r.nextInt(3);
            for (int s = 0; s < shipments && left.signum() > 0; s++) {
                day = later(day, r);
                boolean last = s == shipments - 1 && r.nextBoolean();
                BigDecimal shippedAmount = last ? left : left.min(cents(r, 60_000));
                left = left.subtract(shippedAmount);
                String shipmentId = orderId + "-S" + s;
                events.add(new LedgerEvent.OrderShipped(id(n), CUSTOMER, day, EUR, orderId, shipmentId, shippedAmount, last));
                if (r.nextInt(4) > 0) {
                    LocalDate issued = later(day, r);
                    String invoiceId = orderId + "-F" + s;
                    BigDecimal invoiceAmount = r.nextBoolean() ? shippedAmount : cents(r, 60_000);
                    events.add(new LedgerEvent.InvoiceIssued(id(n), CUSTOMER, issued, EUR, invoiceId,
                            r.nextBoolean() ? orderId : null, shipmentId, invoiceAmount, null, 30));
                    invoices.add(new String[] {invoiceId, invoiceAmount.toPlainString(), issued.toString()});
                }
            }
            if (r.nextInt(5) == 0) {
                LocalDate issued = later(day, r);
                String invoiceId = orderId + "-FD";
                BigDecimal invoiceAmount = cents(r, 30_000);
                events.add(new LedgerEvent.InvoiceIssued(id(n), CUSTOMER, issued, EUR, invoiceId, orderId, null, invoiceAmount,
                        issued.plusDays(r.nextInt(60)), null));
                invoices.add(new String[] {invoiceId, invoiceAmount.toPlainString(), issued.toString()});
            }
            if (everything && r.nextInt(6) == 0) {
                events.add(new LedgerEvent.OrderCancelled(id(n), CUSTOMER, later(day, r), EUR, orderId));
            }
        }
        // settle invoices: payments (some before the invoice), credit notes, write-offs, disputes...
        int payments = 0;
        for (String[] invoice : invoices) {
            String invoiceId = invoice[0];
            BigDecimal open = new BigDecimal(invoice[1]);
            LocalDate issued = LocalDate.parse(invoice[2]);
            int what = r.nextInt(everything ? 8 : 3);
            LocalDate on = later(issued.minusDays(10), r);
            switch (what) {
                case 0 -> { }
                case 1 -> events.add(new LedgerEvent.PaymentReceived(id(n), CUSTOMER, on, EUR, "P" + payments++,
                        open.add(cents(r, 5_000)), List.of(new LedgerEvent.Allocation(invoiceId, open))));
                case 2 -> events.add(new LedgerEvent.PaymentReceived(id(n), CUSTOMER, on, EUR, "P" + payments++,
                        open, List.of(new LedgerEvent.Allocation(invoiceId, open.min(cents(r, 20_000))))));
                case 3 -> events.add(new LedgerEvent.CreditNote(id(n), CUSTOMER, later(issued, r), EUR, "A-" + invoiceId,
                        invoiceId, open.min(cents(r, 20_000))));
                case 4 -> events.add(new LedgerEvent.WriteOff(id(n), CUSTOMER, later(issued, r), EUR, invoiceId, open));
                case 5 -> {
                    LocalDate opened = later(issued, r);
                    BigDecimal disputed = open.min(cents(r, 20_000));
                    events.add(new LedgerEvent.DisputeOpened(id(n), CUSTOMER, opened, EUR, invoiceId, disputed));
                    if (r.nextBoolean()) {
                        events.add(new LedgerEvent.DisputeResolved(id(n), CUSTOMER, later(opened, r), EUR, invoiceId, disputed));
                    }
                }
                case 6 -> {
                    String paymentId = "P" + payments++;
                    LocalDate received = later(issued, r);
                    events.add(new LedgerEvent.PaymentReceived(id(n), CUSTOMER, received, EUR, paymentId, open,
                            List.of(new LedgerEvent.Allocation(invoiceId, open))));
                    events.add(new LedgerEvent.PaymentReversed(id(n), CUSTOMER, later(received, r), EUR, paymentId, "bounced"));
                }
                default -> {
                    events.add(new LedgerEvent.DunningStepSent(id(n), CUSTOMER, later(issued, r), EUR, invoiceId, 1 + r.nextInt(3)));
                    LocalDate made = later(issued, r);
                    events.add(new LedgerEvent.PromiseToPay(id(n), CUSTOMER, made, EUR, List.of(invoiceId),
                            r.nextBoolean() ? TODAY : made.plusDays(r.nextInt(60)), open.min(cents(r, 20_000))));
                    if (r.nextBoolean()) {
                        events.add(new LedgerEvent.PaymentReceived(id(n), CUSTOMER, later(made, r), EUR, "P" + payments++,
                                open, List.of(new LedgerEvent.Allocation(invoiceId, open.min(cents(r, 20_000))))));
                    }
                }
            }
        }
        if (r.nextBoolean()) {
            events.add(new LedgerEvent.PaymentReceived(id(n), CUSTOMER, START.plusDays(r.nextInt(500)), EUR, "P" + payments,
                    cents(r, 10_000), List.of()));
        }
        events.sort(java.util.Comparator.comparing(LedgerEvent::occurredOn));
        return events;
    }

    private static String id(int[] n) {
        return "E" + n[0]++;
    }

    private static LocalDate later(LocalDate day, Random r) {
        LocalDate next = day.plusDays(r.nextInt(40));
        return next.isAfter(TODAY) ? TODAY : next;
    }

    private static BigDecimal cents(Random r, int maxUnits) {
        return BigDecimal.valueOf(1 + r.nextInt(maxUnits * 100), 2);
    }
}
