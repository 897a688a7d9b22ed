package io.encours.service.ledger;

import io.encours.service.ledger.LedgerEvent.Allocation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Short ways to write the events of customer C1 in EUR in the tests. */
final class Events {
    static final String CUSTOMER = "C1";
    static final String EUR = "EUR";

    private Events() {
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    static LedgerEvent.OrderBooked booked(String id, String orderId, String on, String amount) {
        return new LedgerEvent.OrderBooked(id, CUSTOMER, d(on), EUR, orderId, eur(amount), null);
    }

    static LedgerEvent.OrderBooked bookedForDelivery(String id, String orderId, String on, String amount, String deliveryOn) {
        return new LedgerEvent.OrderBooked(id, CUSTOMER, d(on), EUR, orderId, eur(amount), d(deliveryOn));
    }

    static LedgerEvent.OrderChanged changed(String id, String orderId, String on, String amount) {
        return new LedgerEvent.OrderChanged(id, CUSTOMER, d(on), EUR, orderId, eur(amount), null);
    }

    static LedgerEvent.OrderCancelled cancelled(String id, String orderId, String on) {
        return new LedgerEvent.OrderCancelled(id, CUSTOMER, d(on), EUR, orderId);
    }

    static LedgerEvent.OrderShipped shipped(String id, String orderId, String shipmentId, String on, String amount, boolean complete) {
        return new LedgerEvent.OrderShipped(id, CUSTOMER, d(on), EUR, orderId, shipmentId, eur(amount), complete);
    }

    static LedgerEvent.InvoiceIssued invoiced(String id, String invoiceId, String orderId, String shipmentId, String on,
                                              String amount, int termsDays) {
        return new LedgerEvent.InvoiceIssued(id, CUSTOMER, d(on), EUR, invoiceId, orderId, shipmentId, eur(amount), null, termsDays);
    }

    static LedgerEvent.CreditNote creditNote(String id, String creditNoteId, String invoiceId, String on, String amount) {
        return new LedgerEvent.CreditNote(id, CUSTOMER, d(on), EUR, creditNoteId, invoiceId, eur(amount));
    }

    static LedgerEvent.PaymentReceived paid(String id, String paymentId, String on, String amount, Allocation... allocations) {
        return new LedgerEvent.PaymentReceived(id, CUSTOMER, d(on), EUR, paymentId, eur(amount), List.of(allocations));
    }

    static Allocation to(String invoiceId, String amount) {
        return new Allocation(invoiceId, eur(amount));
    }

    static LedgerEvent.PaymentReversed reversed(String id, String paymentId, String on) {
        return new LedgerEvent.PaymentReversed(id, CUSTOMER, d(on), EUR, paymentId, "bounced");
    }

    static LedgerEvent.WriteOff writeOff(String id, String invoiceId, String on, String amount) {
        return new LedgerEvent.WriteOff(id, CUSTOMER, d(on), EUR, invoiceId, eur(amount));
    }

    static LedgerEvent.DisputeOpened disputeOpened(String id, String invoiceId, String on, String amount) {
        return new LedgerEvent.DisputeOpened(id, CUSTOMER, d(on), EUR, invoiceId, eur(amount));
    }

    static LedgerEvent.DisputeResolved disputeResolved(String id, String invoiceId, String on, String amount) {
        return new LedgerEvent.DisputeResolved(id, CUSTOMER, d(on), EUR, invoiceId, eur(amount));
    }

    static LedgerEvent.PromiseToPay promise(String id, String on, String promisedOn, String amount, String... invoiceIds) {
        return new LedgerEvent.PromiseToPay(id, CUSTOMER, d(on), EUR, List.of(invoiceIds), d(promisedOn), eur(amount));
    }

    static LedgerEvent.DunningStepSent dunned(String id, String invoiceId, String on, int level) {
        return new LedgerEvent.DunningStepSent(id, CUSTOMER, d(on), EUR, invoiceId, level);
    }
}
