package io.encours.service.ledger;

import static io.encours.service.ledger.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.ledger.ApplyResult.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ledger's rules, one business case per test; amounts in EUR. */
class CustomerLedgerTest {
    private static final LocalDate TODAY = d("2026-12-03");
    private static final IntakeRules RULES = IntakeRules.of(TODAY, 1);

    private final CustomerLedger ledger = new CustomerLedger(CUSTOMER, EUR);
    private RunningTotals totals = RunningTotals.ZERO;

    private ApplyResult apply(LedgerEvent event) {
        return apply(event, RULES);
    }

    private ApplyResult apply(LedgerEvent event, IntakeRules rules) {
        ApplyResult result = ledger.apply(event, rules);
        totals = totals.plus(result.delta());
        return result;
    }

    private void accepted(LedgerEvent... events) {
        for (LedgerEvent e : events) {
            assertThat(apply(e).outcome()).as(e.eventId()).isEqualTo(Outcome.ACCEPTED);
        }
    }

    private Exposure on(String date) {
        return ledger.exposureAsOf(d(date), ExposureRules.DEFAULT, List.of());
    }

    private static BigDecimal amount(Exposure e, ExposureCategory c) {
        return e.amount(c);
    }

    @Test
    void an_order_moves_to_shipped_not_invoiced_then_to_open_invoices_and_never_counts_twice() {
        accepted(booked("e1", "O1", "2026-10-01", "1000"));
        assertThat(totals.total()).isEqualByComparingTo("1000");
        accepted(shipped("e2", "O1", "S1", "2026-10-05", "400", false));
        assertThat(totals.openOrders()).isEqualByComparingTo("600");
        assertThat(totals.shippedNotInvoiced()).isEqualByComparingTo("400");
        accepted(invoiced("e3", "F1", null, "S1", "2026-10-06", "400", 30));
        assertThat(totals.openOrders()).isEqualByComparingTo("600");
        assertThat(totals.shippedNotInvoiced()).isEqualByComparingTo("0");
        assertThat(totals.openInvoices()).isEqualByComparingTo("400");
        assertThat(totals.total()).isEqualByComparingTo("1000");
        accepted(shipped("e4", "O1", "S2", "2026-10-10", "600", true), invoiced("e5", "F2", "O1", "S2", "2026-10-11", "600", 30));
        assertThat(totals).satisfies(t -> {
            assertThat(t.openOrders()).isEqualByComparingTo("0");
            assertThat(t.openInvoices()).isEqualByComparingTo("1000");
            assertThat(t.total()).isEqualByComparingTo("1000");
        });
        assertThat(totals.equalsInAmount(ledger.totalsFromDocuments())).isTrue();
    }

    @Test
    void a_complete_shipment_closes_the_rest_of_the_order_and_a_change_or_cancellation_moves_the_open_amount() {
        accepted(booked("e1", "O1", "2026-10-01", "1000"), changed("e2", "O1", "2026-10-02", "1200"));
        assertThat(totals.openOrders()).isEqualByComparingTo("1200");
        accepted(shipped("e3", "O1", "S1", "2026-10-05", "900", true));
        assertThat(totals.openOrders()).isEqualByComparingTo("0");
        assertThat(totals.shippedNotInvoiced()).isEqualByComparingTo("900");
        accepted(booked("e4", "O2", "2026-10-01", "500"), cancelled("e5", "O2", "2026-10-03"));
        assertThat(totals.openOrders()).isEqualByComparingTo("0");
        assertThat(amount(on("2026-10-02"), ExposureCategory.OPEN_ORDERS)).isEqualByComparingTo("1700");
    }

    @Test
    void an_order_change_below_what_is_already_shipped_is_rejected() {
        accepted(booked("e1", "O1", "2026-10-01", "1000"), shipped("e2", "O1", "S1", "2026-10-05", "800", false));
        ApplyResult result = apply(changed("e3", "O1", "2026-10-06", "700"));
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.problems()).extracting(LedgerProblem::field).containsExactly("amount");
    }

    @Test
    void a_shipment_of_an_unknown_order_is_accepted_and_the_order_arriving_later_counts_only_its_rest() {
        accepted(shipped("e2", "O1", "S1", "2026-10-05", "300", false));
        assertThat(totals.shippedNotInvoiced()).isEqualByComparingTo("300");
        accepted(booked("e1", "O1", "2026-10-01", "1000"));
        assertThat(totals.openOrders()).isEqualByComparingTo("700");
        assertThat(totals.total()).isEqualByComparingTo("1000");
        // on the day between booking and shipping, the whole order was open
        Exposure before = on("2026-10-03");
        assertThat(amount(before, ExposureCategory.OPEN_ORDERS)).isEqualByComparingTo("1000");
        assertThat(amount(before, ExposureCategory.SHIPPED_NOT_INVOICED)).isEqualByComparingTo("0");
    }

    @Test
    void an_invoice_naming_a_shipment_not_yet_known_is_matched_when_the_shipment_arrives() {
        accepted(booked("e1", "O1", "2026-10-01", "1000"), invoiced("e3", "F1", null, "S1", "2026-10-06", "1000", 30));
        accepted(shipped("e2", "O1", "S1", "2026-10-05", "1000", true));
        assertThat(totals.openOrders()).isEqualByComparingTo("0");
        assertThat(totals.shippedNotInvoiced()).isEqualByComparingTo("0");
        assertThat(totals.openInvoices()).isEqualByComparingTo("1000");
        assertThat(totals.equalsInAmount(ledger.totalsFromDocuments())).isTrue();
    }

    @Test
    void a_payment_before_its_invoice_waits_on_account_and_is_allocated_when_the_invoice_arrives() {
        accepted(paid("e1", "P1", "2026-11-10", "250", to("F1", "250")));
        assertThat(totals.unallocatedCash()).isEqualByComparingTo("250");
        assertThat(totals.total()).isEqualByComparingTo("-250");
        accepted(invoiced("e2", "F1", "O1", null, "2026-11-01", "400", 30));
        assertThat(totals.unallocatedCash()).isEqualByComparingTo("0");
        assertThat(totals.openInvoices()).isEqualByComparingTo("150");
        // as of the days in between: the invoice was open whole, the payment not yet received
        assertThat(amount(on("2026-11-05"), ExposureCategory.OPEN_INVOICES_NOT_DUE)).isEqualByComparingTo("400");
        assertThat(amount(on("2026-11-10"), ExposureCategory.OPEN_INVOICES_NOT_DUE)).isEqualByComparingTo("150");
        assertThat(ledger.payments().get("P1").pending()).isEmpty();
    }

    @Test
    void the_unallocated_part_of_a_payment_stays_on_account_and_reduces_the_total() {
        accepted(invoiced("e1", "F1", "O1", null, "2026-11-01", "400", 30), paid("e2", "P1", "2026-11-10", "500", to("F1", "400")));
        assertThat(totals.openInvoices()).isEqualByComparingTo("0");
        assertThat(totals.unallocatedCash()).isEqualByComparingTo("100");
        assertThat(on("2026-11-20").total()).isEqualByComparingTo("-100");
        assertThat(on("2026-11-20").lines(ExposureCategory.UNALLOCATED_CASH)).extracting(ExposureLine::documentId).containsExactly("P1");
    }

    @Test
    void an_allocation_to_another_customers_invoice_is_rejected_and_changes_nothing() {
        IntakeRules rules = new IntakeRules(TODAY, 1, id -> id.equals("F9") ? Optional.of("C2") : Optional.empty());
        ApplyResult result = apply(paid("e1", "P1", "2026-11-10", "500", to("F9", "400")), rules);
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.problems()).extracting(LedgerProblem::field).containsExactly("allocations[0].invoiceId");
        assertThat(ledger.payments()).isEmpty();
        assertThat(result.delta().allZero()).isTrue();
    }

    @Test
    void an_allocation_larger_than_the_open_invoice_is_rejected() {
        accepted(invoiced("e1", "F1", "O1", null, "2026-11-01", "400", 30));
        ApplyResult result = apply(paid("e2", "P1", "2026-11-10", "500", to("F1", "450")));
        assertThat(result.problems()).extracting(LedgerProblem::field).containsExactly("allocations[0].amount");
    }

    @Test
    void a_credit_note_larger_than_what_remains_of_its_invoice_is_rejected() {
        accepted(invoiced("e1", "F1", "O1", null, "2026-11-01", "400", 30), paid("e2", "P1", "2026-11-10", "300", to("F1", "300")));
        ApplyResult tooLarge = apply(creditNote("e3", "A1", "F1", "2026-11-12", "100.01"));
        assertThat(tooLarge.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(tooLarge.problems()).extracting(LedgerProblem::field).containsExactly("amount");
        accepted(creditNote("e4", "A1", "F1", "2026-11-12", "100"));
        assertThat(totals.openInvoices()).isEqualByComparingTo("0");
    }

    @Test
    void a_credit_note_on_an_unknown_invoice_or_another_customers_is_rejected_naming_it() {
        IntakeRules rules = new IntakeRules(TODAY, 1, id -> id.equals("F9") ? Optional.of("C2") : Optional.empty());
        assertThat(apply(creditNote("e1", "A1", "F9", "2026-11-12", "10"), rules).problems())
                .extracting(LedgerProblem::reason).containsExactly("invoice F9 belongs to another customer");
        assertThat(apply(creditNote("e2", "A2", "F8", "2026-11-12", "10"), rules).problems())
                .extracting(LedgerProblem::reason).containsExactly("invoice F8 is unknown");
    }

    @Test
    void another_currency_or_customer_or_a_date_beyond_the_tolerance_is_rejected() {
        LedgerEvent usd = new LedgerEvent.OrderBooked("e1", CUSTOMER, d("2026-11-01"), "USD", "O1", eur("10"), null);
        assertThat(apply(usd).problems()).extracting(LedgerProblem::field).containsExactly("currency");
        LedgerEvent other = new LedgerEvent.OrderBooked("e2", "C2", d("2026-11-01"), EUR, "O1", eur("10"), null);
        assertThat(apply(other).problems()).extracting(LedgerProblem::field).containsExactly("customerId");
        assertThat(apply(booked("e3", "O1", "2026-12-05", "10")).problems()).extracting(LedgerProblem::field).containsExactly("occurredOn");
        assertThat(apply(booked("e4", "O1", "2026-12-04", "10")).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void the_same_event_again_is_a_duplicate_and_the_same_id_with_other_content_is_rejected() {
        accepted(booked("e1", "O1", "2026-11-01", "1000"));
        ApplyResult again = apply(booked("e1", "O1", "2026-11-01", "1000.00"));
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again.delta().allZero()).isTrue();
        ApplyResult conflict = apply(booked("e1", "O1", "2026-11-01", "1001"));
        assertThat(conflict.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(conflict.problems()).extracting(LedgerProblem::field).containsExactly("eventId");
        assertThat(totals.openOrders()).isEqualByComparingTo("1000");
        assertThat(apply(booked("e2", "O1", "2026-11-01", "1000")).problems()).extracting(LedgerProblem::field).containsExactly("orderId");
    }

    @Test
    void a_reversed_payment_reopens_its_invoices_from_its_date_and_is_an_incident() {
        accepted(invoiced("e1", "F1", "O1", null, "2026-09-01", "400", 30), paid("e2", "P1", "2026-10-01", "400", to("F1", "400")));
        assertThat(totals.openInvoices()).isEqualByComparingTo("0");
        accepted(reversed("e3", "P1", "2026-10-15"));
        assertThat(totals.openInvoices()).isEqualByComparingTo("400");
        assertThat(totals.unallocatedCash()).isEqualByComparingTo("0");
        assertThat(amount(on("2026-10-10"), ExposureCategory.OVERDUE)).isEqualByComparingTo("0");
        assertThat(amount(on("2026-10-20"), ExposureCategory.OVERDUE)).isEqualByComparingTo("400");
        assertThat(ledger.behaviourAsOf(d("2026-10-20"), ExposureRules.DEFAULT).paymentIncidents12m()).isEqualTo(1);
        assertThat(ledger.behaviourAsOf(d("2027-10-15"), ExposureRules.DEFAULT).paymentIncidents12m()).isZero();
        assertThat(apply(reversed("e4", "P1", "2026-10-16")).problems()).extracting(LedgerProblem::reason)
                .containsExactly("payment P1 is already reversed");
    }

    @Test
    void a_write_off_settles_the_invoice_and_cannot_exceed_it() {
        accepted(invoiced("e1", "F1", "O1", null, "2026-09-01", "400", 30));
        assertThat(apply(writeOff("e2", "F1", "2026-11-01", "401")).outcome()).isEqualTo(Outcome.REJECTED);
        accepted(writeOff("e3", "F1", "2026-11-01", "400"));
        assertThat(totals.openInvoices()).isEqualByComparingTo("0");
    }

    @Test
    void a_dispute_is_shown_within_the_open_invoices_and_not_counted_twice() {
        accepted(invoiced("e1", "F1", "O1", null, "2026-11-01", "400", 30), disputeOpened("e2", "F1", "2026-11-05", "150"));
        Exposure e = on("2026-11-10");
        assertThat(amount(e, ExposureCategory.DISPUTED)).isEqualByComparingTo("150");
        assertThat(e.total()).isEqualByComparingTo("400");
        assertThat(totals.disputed()).isEqualByComparingTo("150");
        assertThat(apply(disputeResolved("e3", "F1", "2026-11-20", "151")).outcome()).isEqualTo(Outcome.REJECTED);
        accepted(disputeResolved("e4", "F1", "2026-11-20", "150"));
        assertThat(totals.disputed()).isEqualByComparingTo("0");
        assertThat(amount(on("2026-11-10"), ExposureCategory.DISPUTED)).isEqualByComparingTo("150");
        assertThat(apply(disputeOpened("e5", "F1", "2026-11-21", "400.01")).outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void an_invoice_due_on_the_day_is_not_yet_overdue_and_the_day_after_it_is_one_day_overdue() {
        accepted(invoiced("e1", "F1", "O1", null, "2026-10-01", "400", 30));
        assertThat(on("2026-10-31").lines(ExposureCategory.OPEN_INVOICES_NOT_DUE)).hasSize(1);
        Exposure dayAfter = on("2026-11-01");
        assertThat(dayAfter.lines(ExposureCategory.OVERDUE)).singleElement()
                .satisfies(l -> assertThat(l.daysOverdue()).isEqualTo(1));
        Exposure withGrace = ledger.exposureAsOf(d("2026-11-01"), new ExposureRules(null, 5), List.of());
        assertThat(amount(withGrace, ExposureCategory.OVERDUE)).isEqualByComparingTo("0");
    }

    @Test
    void orders_due_for_delivery_beyond_the_horizon_are_shown_and_not_counted() {
        accepted(bookedForDelivery("e1", "O1", "2026-11-01", "1000", "2026-11-20"),
                bookedForDelivery("e2", "O2", "2026-11-01", "500", "2027-03-01"), booked("e3", "O3", "2026-11-01", "200"));
        Exposure e = ledger.exposureAsOf(d("2026-11-10"), new ExposureRules(30, 0), List.of());
        assertThat(amount(e, ExposureCategory.OPEN_ORDERS)).isEqualByComparingTo("1200");
        assertThat(amount(e, ExposureCategory.OPEN_ORDERS_BEYOND_HORIZON)).isEqualByComparingTo("500");
        assertThat(e.total()).isEqualByComparingTo("1200");
    }

    @Test
    void approved_order_checks_count_until_their_order_is_booked() {
        ApprovedOrderCheck check = new ApprovedOrderCheck("D1", "O1", d("2026-11-01"), eur("300"));
        Exposure before = ledger.exposureAsOf(d("2026-11-02"), ExposureRules.DEFAULT, List.of(check));
        assertThat(amount(before, ExposureCategory.APPROVED_NOT_BOOKED)).isEqualByComparingTo("300");
        assertThat(before.total()).isEqualByComparingTo("300");
        accepted(booked("e1", "O1", "2026-11-03", "300"));
        Exposure after = ledger.exposureAsOf(d("2026-11-04"), ExposureRules.DEFAULT, List.of(check));
        assertThat(amount(after, ExposureCategory.APPROVED_NOT_BOOKED)).isEqualByComparingTo("0");
        assertThat(after.total()).isEqualByComparingTo("300");
    }

    @Test
    void exposure_total_is_orders_plus_shipped_plus_open_invoices_minus_unallocated_cash_with_its_documents() {
        accepted(booked("e1", "O1", "2026-11-01", "1000"), shipped("e2", "O1", "S1", "2026-11-02", "200", false),
                invoiced("e3", "F0", "O9", null, "2026-09-01", "300", 30), invoiced("e4", "F1", "O8", null, "2026-11-01", "100", 30),
                paid("e5", "P1", "2026-11-05", "50"));
        Exposure e = on("2026-11-10");
        assertThat(amount(e, ExposureCategory.OPEN_ORDERS)).isEqualByComparingTo("800");
        assertThat(amount(e, ExposureCategory.SHIPPED_NOT_INVOICED)).isEqualByComparingTo("200");
        assertThat(amount(e, ExposureCategory.OVERDUE)).isEqualByComparingTo("300");
        assertThat(amount(e, ExposureCategory.OPEN_INVOICES_NOT_DUE)).isEqualByComparingTo("100");
        assertThat(amount(e, ExposureCategory.UNALLOCATED_CASH)).isEqualByComparingTo("50");
        assertThat(e.total()).isEqualByComparingTo("1350");
        assertThat(e.lines()).extracting(ExposureLine::documentId).containsExactlyInAnyOrder("O1", "S1", "F0", "F1", "P1");
        assertThat(e.lines(ExposureCategory.OVERDUE)).singleElement().satisfies(l -> assertThat(l.daysOverdue()).isEqualTo(40));
    }

    @Test
    void behaviour_as_of_a_date_gives_overdue_ratio_oldest_item_dunning_late_payments_promises_and_disputes() {
        accepted(invoiced("e1", "F1", "O1", null, "2026-08-01", "1000", 30),   // due 2026-08-31
                invoiced("e2", "F2", "O2", null, "2026-10-01", "3000", 30),    // due 2026-10-31
                invoiced("e3", "F3", "O3", null, "2026-06-01", "500", 30),     // due 2026-07-01
                paid("e4", "P1", "2026-07-11", "500", to("F3", "500")),        // 10 days late
                dunned("e5", "F1", "2026-09-10", 1), dunned("e6", "F1", "2026-09-25", 2),
                promise("e7", "2026-09-26", "2026-10-10", "1000", "F1"),
                disputeOpened("e8", "F2", "2026-10-05", "200"));
        PaymentBehaviour b = ledger.behaviourAsOf(d("2026-11-10"), ExposureRules.DEFAULT);
        assertThat(b.openInvoices()).isEqualByComparingTo("4000");
        assertThat(b.overdueAmount()).isEqualByComparingTo("4000");
        assertThat(b.overdueRatio()).isEqualByComparingTo("1");
        assertThat(b.oldestOverdueDays()).isEqualTo(71);
        assertThat(b.highestDunningLevel()).isEqualTo(2);
        assertThat(b.averageDaysLate12m()).isEqualByComparingTo("10.0");
        assertThat(b.brokenPromises()).isEqualTo(1);
        assertThat(b.disputedAmount()).isEqualByComparingTo("200");
        PaymentBehaviour earlier = ledger.behaviourAsOf(d("2026-10-10"), ExposureRules.DEFAULT);
        assertThat(earlier.overdueAmount()).isEqualByComparingTo("1000");
        assertThat(earlier.overdueRatio()).isEqualByComparingTo("0.25");
        assertThat(earlier.brokenPromises()).isZero();
    }

    @Test
    void a_promise_paid_by_its_date_is_kept_and_the_weighted_average_counts_amounts() {
        accepted(invoiced("e1", "F1", "O1", null, "2026-08-01", "1000", 30),
                invoiced("e2", "F2", "O2", null, "2026-08-01", "3000", 30),
                promise("e3", "2026-09-05", "2026-09-15", "1000", "F1"),
                paid("e4", "P1", "2026-09-10", "1000", to("F1", "1000")),     // 10 days late
                paid("e5", "P2", "2026-08-31", "3000", to("F2", "3000")));    // on time
        PaymentBehaviour b = ledger.behaviourAsOf(d("2026-11-10"), ExposureRules.DEFAULT);
        assertThat(b.brokenPromises()).isZero();
        assertThat(b.averageDaysLate12m()).isEqualByComparingTo("2.5");
        assertThat(b.overdueRatio()).isEqualByComparingTo("0");
    }

    @Test
    void a_rejected_event_leaves_the_ledger_as_it_was() {
        accepted(invoiced("e1", "F1", "O1", null, "2026-11-01", "400", 30));
        LedgerState before = ledger.state();
        // the first allocation is fine, the second is not: none of the payment is applied
        accepted(invoiced("e0", "F2", "O2", null, "2026-11-01", "100", 30));
        before = ledger.state();
        ApplyResult result = apply(paid("e2", "P1", "2026-11-10", "900", to("F1", "300"), to("F2", "150")));
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(ledger.state()).isEqualTo(before);
    }

    @Test
    void a_ledger_restored_from_its_state_goes_on_as_the_original() {
        accepted(paid("e1", "P1", "2026-11-10", "250", to("F1", "250")), booked("e2", "O1", "2026-11-01", "400"));
        CustomerLedger restored = CustomerLedger.restore(ledger.state());
        ApplyResult result = restored.apply(invoiced("e3", "F1", "O1", null, "2026-11-02", "400", 30), RULES);
        assertThat(result.isAccepted()).isTrue();
        assertThat(restored.totalsFromDocuments().openInvoices()).isEqualByComparingTo("150");
        assertThat(restored.apply(booked("e2", "O1", "2026-11-01", "400"), RULES).outcome()).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void one_bad_event_in_a_batch_is_refused_alone() {
        List<LedgerEvent> batch = List.of(booked("e1", "O1", "2026-11-01", "1000"),
                shipped("e2", "O1", "S1", "2026-11-02", "200", false),
                creditNote("e3", "A1", "F404", "2026-11-03", "10"),
                invoiced("e4", "F1", "O1", "S1", "2026-11-04", "200", 30));
        List<Outcome> outcomes = batch.stream().map(e -> apply(e).outcome()).toList();
        assertThat(outcomes).containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.REJECTED, Outcome.ACCEPTED);
        assertThat(totals.total()).isEqualByComparingTo("1000");
        assertThat(totals.equalsInAmount(ledger.totalsFromDocuments())).isTrue();
    }
}
