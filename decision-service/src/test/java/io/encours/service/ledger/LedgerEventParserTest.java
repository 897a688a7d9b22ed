package io.encours.service.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire form of the events: every field checked, every problem named by its path, a stable fingerprint. */
class LedgerEventParserTest {

    private static Map<String, Object> wire(String type, Object... fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", "ERP-1");
        m.put("type", type);
        m.put("customerId", "C1");
        m.put("occurredOn", "2026-11-02");
        m.put("currency", "EUR");
        for (int i = 0; i < fields.length; i += 2) {
            m.put((String) fields[i], fields[i + 1]);
        }
        return m;
    }

    private static LedgerEvent valid(Map<String, Object> wire) {
        ParsedEvent parsed = LedgerEventParser.parse(wire);
        assertThat(parsed.problems()).isEmpty();
        return parsed.event();
    }

    private static List<LedgerProblem> problems(Map<String, Object> wire) {
        ParsedEvent parsed = LedgerEventParser.parse(wire);
        assertThat(parsed.event()).isNull();
        return parsed.problems();
    }

    @Test
    void every_event_type_reads_from_its_wire_form() {
        assertThat(valid(wire("ORDER_BOOKED", "orderId", "O1", "amount", 1200, "deliveryOn", "2026-11-20")))
                .isEqualTo(new LedgerEvent.OrderBooked("ERP-1", "C1", LocalDate.parse("2026-11-02"), "EUR", "O1",
                        new BigDecimal("1200.00"), LocalDate.parse("2026-11-20")));
        assertThat(valid(wire("ORDER_CHANGED", "orderId", "O1", "amount", "1300.5"))).isInstanceOf(LedgerEvent.OrderChanged.class);
        assertThat(valid(wire("ORDER_CANCELLED", "orderId", "O1"))).isInstanceOf(LedgerEvent.OrderCancelled.class);
        assertThat(valid(wire("ORDER_SHIPPED", "orderId", "O1", "shipmentId", "S1", "amount", 600, "complete", false)))
                .isInstanceOf(LedgerEvent.OrderShipped.class);
        LedgerEvent.InvoiceIssued invoice = (LedgerEvent.InvoiceIssued) valid(
                wire("INVOICE_ISSUED", "invoiceId", "F1", "shipmentId", "S1", "amount", 600, "termsDays", 30));
        assertThat(invoice.due()).isEqualTo(LocalDate.parse("2026-12-02"));
        assertThat(valid(wire("CREDIT_NOTE", "creditNoteId", "A1", "invoiceId", "F1", "amount", 50))).isInstanceOf(LedgerEvent.CreditNote.class);
        LedgerEvent.PaymentReceived payment = (LedgerEvent.PaymentReceived) valid(wire("PAYMENT_RECEIVED", "paymentId", "P1",
                "amount", 700, "allocations", List.of(Map.of("invoiceId", "F1", "amount", 600))));
        assertThat(payment.allocations()).containsExactly(new LedgerEvent.Allocation("F1", new BigDecimal("600.00")));
        assertThat(valid(wire("PAYMENT_RECEIVED", "paymentId", "P2", "amount", 700))).isInstanceOf(LedgerEvent.PaymentReceived.class);
        assertThat(valid(wire("PAYMENT_REVERSED", "paymentId", "P1", "reason", "insufficient funds"))).isInstanceOf(LedgerEvent.PaymentReversed.class);
        assertThat(valid(wire("WRITE_OFF", "invoiceId", "F1", "amount", 10))).isInstanceOf(LedgerEvent.WriteOff.class);
        assertThat(valid(wire("DISPUTE_OPENED", "invoiceId", "F1", "amount", 10))).isInstanceOf(LedgerEvent.DisputeOpened.class);
        assertThat(valid(wire("DISPUTE_RESOLVED", "invoiceId", "F1", "amount", 10))).isInstanceOf(LedgerEvent.DisputeResolved.class);
        assertThat(valid(wire("PROMISE_TO_PAY", "invoiceIds", List.of("F1", "F2"), "promisedOn", "2026-11-30", "amount", 900)))
                .isInstanceOf(LedgerEvent.PromiseToPay.class);
        assertThat(valid(wire("DUNNING_STEP_SENT", "invoiceId", "F1", "level", 2))).isInstanceOf(LedgerEvent.DunningStepSent.class);
        assertThat(valid(wire("INVOICE_CLOSED_BY_SNAPSHOT", "invoiceId", "F1", "snapshotId", "SNAP-1", "amount", 10)))
                .isInstanceOf(LedgerEvent.InvoiceClosedBySnapshot.class);
    }

    @Test
    void every_problem_of_an_event_is_reported_with_the_path_of_its_field() {
        Map<String, Object> bad = wire("PAYMENT_RECEIVED", "paymentId", "P1", "amount", "-5",
                "allocations", List.of(Map.of("invoiceId", "F1", "amount", 10), Map.of("invoiceId", "", "amount", "1.234"), "x"));
        bad.put("currency", "euro");
        bad.remove("occurredOn");
        assertThat(problems(bad)).extracting(LedgerProblem::field).containsExactlyInAnyOrder(
                "occurredOn", "currency", "amount", "allocations[1].invoiceId", "allocations[1].amount", "allocations[2]");
        assertThat(problems(bad)).filteredOn(p -> p.field().equals("amount")).extracting(LedgerProblem::reason)
                .containsExactly("must not be negative");
    }

    @Test
    void negative_or_zero_amounts_unknown_types_and_unknown_fields_are_refused() {
        assertThat(problems(wire("ORDER_BOOKED", "orderId", "O1", "amount", 0))).extracting(LedgerProblem::reason)
                .containsExactly("must be more than zero");
        assertThat(problems(wire("ORDER_MELTED", "orderId", "O1"))).extracting(LedgerProblem::field).containsExactly("type");
        assertThat(problems(wire("ORDER_BOOKED", "orderId", "O1", "amount", 1, "dueDate", "2026-12-01")))
                .extracting(LedgerProblem::field).containsExactly("dueDate");
        assertThat(problems(wire("DUNNING_STEP_SENT", "invoiceId", "F1", "level", 0))).extracting(LedgerProblem::field).containsExactly("level");
    }

    @Test
    void an_invoice_needs_its_reference_and_exactly_one_of_due_date_and_terms() {
        assertThat(problems(wire("INVOICE_ISSUED", "invoiceId", "F1", "amount", 5, "termsDays", 30)))
                .extracting(LedgerProblem::field).containsExactly("orderId");
        assertThat(problems(wire("INVOICE_ISSUED", "invoiceId", "F1", "orderId", "O1", "amount", 5)))
                .extracting(LedgerProblem::field).containsExactly("dueOn");
        assertThat(problems(wire("INVOICE_ISSUED", "invoiceId", "F1", "orderId", "O1", "amount", 5, "termsDays", 30, "dueOn", "2026-12-01")))
                .extracting(LedgerProblem::field).containsExactly("termsDays");
        assertThat(problems(wire("INVOICE_ISSUED", "invoiceId", "F1", "orderId", "O1", "amount", 5, "dueOn", "2026-11-01")))
                .extracting(LedgerProblem::field).containsExactly("dueOn");
    }

    @Test
    void allocations_over_the_payment_are_refused() {
        assertThat(problems(wire("PAYMENT_RECEIVED", "paymentId", "P1", "amount", 100,
                "allocations", List.of(Map.of("invoiceId", "F1", "amount", 60), Map.of("invoiceId", "F2", "amount", 41)))))
                .extracting(LedgerProblem::field).containsExactly("allocations");
        assertThat(problems(wire("PAYMENT_RECEIVED", "paymentId", "P1", "amount", 100,
                "allocations", List.of(Map.of("invoiceId", "F1", "amount", 6), Map.of("invoiceId", "F1", "amount", 4)))))
                .extracting(LedgerProblem::field).containsExactly("allocations[1].invoiceId");
    }

    @Test
    void the_fingerprint_ignores_field_order_and_number_spelling_but_not_content() {
        Map<String, Object> a = wire("ORDER_BOOKED", "orderId", "O1", "amount", 1200);
        Map<String, Object> b = new HashMap<>(wire("ORDER_BOOKED", "amount", "1200.00", "orderId", "O1"));
        b.put("deliveryOn", null);
        Map<String, Object> c = wire("ORDER_BOOKED", "orderId", "O1", "amount", "1200.01");
        assertThat(EventFingerprint.of(valid(a))).isEqualTo(EventFingerprint.of(valid(b)));
        assertThat(EventFingerprint.of(valid(a))).isNotEqualTo(EventFingerprint.of(valid(c)));
        assertThat(EventFingerprint.of(valid(a))).hasSize(64);
    }

    @Test
    void the_records_refuse_what_the_wire_check_refuses() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LedgerEvent.WriteOff("e", "C1", LocalDate.now(), "EUR", "F1",
                new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LedgerEvent.OrderCancelled(" ", "C1", LocalDate.now(), "EUR", "O1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
