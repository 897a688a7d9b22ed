package io.encours.service.ledger;

import static io.encours.service.ledger.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
                    events.add(new LedgerEvent.DunningStepSent(id(n), CUSTOMER, later(issued, r), EUR, invoiceId, 1));
                    events.add(new LedgerEvent.PromiseToPay(id(n), CUSTOMER, later(issued, r), EUR, List.of(invoiceId),
                            TODAY, open));
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
