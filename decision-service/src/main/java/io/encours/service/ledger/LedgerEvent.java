package io.encours.service.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One event of the ERP about one customer's receivables. Every event carries the ERP's own {@code eventId} (the
 * idempotency key), the customer, the date it happened in the ERP ({@code occurredOn}, the date the documents
 * are dated with, whatever the order of arrival) and the currency of its amounts.
 *
 * <p>The records check their invariants (ids present, amounts not negative, dates present); the wire form is
 * checked field by field before by {@link LedgerEventParser}, which names the field in its problems.
 */
public sealed interface LedgerEvent {

    String eventId();

    String customerId();

    LocalDate occurredOn();

    String currency();

    /** The wire name of the type, e.g. {@code ORDER_BOOKED}. */
    default String type() {
        return EventType.of(this).name();
    }

    /** An order booked in the ERP; {@code deliveryOn} (requested delivery date) may be null. */
    record OrderBooked(String eventId, String customerId, LocalDate occurredOn, String currency,
                       String orderId, BigDecimal amount, LocalDate deliveryOn) implements LedgerEvent {
        public OrderBooked {
            common(eventId, customerId, occurredOn, currency);
            id(orderId, "orderId");
            positive(amount, "amount");
        }
    }

    /** The order's new total amount (and delivery date), from {@code occurredOn}. */
    record OrderChanged(String eventId, String customerId, LocalDate occurredOn, String currency,
                        String orderId, BigDecimal amount, LocalDate deliveryOn) implements LedgerEvent {
        public OrderChanged {
            common(eventId, customerId, occurredOn, currency);
            id(orderId, "orderId");
            positive(amount, "amount");
        }
    }

    /** The order's part not shipped nor invoiced no longer counts from {@code occurredOn}. */
    record OrderCancelled(String eventId, String customerId, LocalDate occurredOn, String currency,
                          String orderId) implements LedgerEvent {
        public OrderCancelled {
            common(eventId, customerId, occurredOn, currency);
            id(orderId, "orderId");
        }
    }

    /**
     * A delivery of (part of) an order. {@code complete} says the order is fully delivered: its rest, if any, is
     * not expected any more and stops counting as an open order.
     */
    record OrderShipped(String eventId, String customerId, LocalDate occurredOn, String currency,
                        String orderId, String shipmentId, BigDecimal amount, boolean complete) implements LedgerEvent {
        public OrderShipped {
            common(eventId, customerId, occurredOn, currency);
            id(orderId, "orderId");
            id(shipmentId, "shipmentId");
            positive(amount, "amount");
        }
    }

    /**
     * An invoice, referring to its order and/or its shipment (at least one), due on {@code dueOn} or
     * {@code termsDays} after {@code occurredOn} (exactly one of the two).
     */
    record InvoiceIssued(String eventId, String customerId, LocalDate occurredOn, String currency,
                         String invoiceId, String orderId, String shipmentId, BigDecimal amount,
                         LocalDate dueOn, Integer termsDays) implements LedgerEvent {
        public InvoiceIssued {
            common(eventId, customerId, occurredOn, currency);
            id(invoiceId, "invoiceId");
            positive(amount, "amount");
            if ((dueOn == null) == (termsDays == null)) {
                throw new IllegalArgumentException("exactly one of dueOn and termsDays");
            }
            if (termsDays != null && termsDays < 0) {
                throw new IllegalArgumentException("termsDays must not be negative");
            }
            if (dueOn != null && dueOn.isBefore(occurredOn)) {
                throw new IllegalArgumentException("dueOn before the invoice date");
            }
        }

        /** The due date, given or computed from the terms. */
        public LocalDate due() {
            return dueOn != null ? dueOn : occurredOn.plusDays(termsDays);
        }
    }

    /** A credit note on an invoice: reduces its open amount; never more than that open amount. */
    record CreditNote(String eventId, String customerId, LocalDate occurredOn, String currency,
                      String creditNoteId, String invoiceId, BigDecimal amount) implements LedgerEvent {
        public CreditNote {
            common(eventId, customerId, occurredOn, currency);
            id(creditNoteId, "creditNoteId");
            id(invoiceId, "invoiceId");
            positive(amount, "amount");
        }
    }

    /** A payment, allocated to invoices; what the allocations leave stays on the account as unallocated cash. */
    record PaymentReceived(String eventId, String customerId, LocalDate occurredOn, String currency,
                           String paymentId, BigDecimal amount, List<Allocation> allocations) implements LedgerEvent {
        public PaymentReceived {
            common(eventId, customerId, occurredOn, currency);
            id(paymentId, "paymentId");
            positive(amount, "amount");
            allocations = List.copyOf(allocations);
            BigDecimal allocated = allocations.stream().map(Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (allocated.compareTo(amount) > 0) {
                throw new IllegalArgumentException("allocations exceed the payment");
            }
        }
    }

    /** A payment bounced or was reversed: a payment incident; its allocations are undone from that date. */
    record PaymentReversed(String eventId, String customerId, LocalDate occurredOn, String currency,
                           String paymentId, String reason) implements LedgerEvent {
        public PaymentReversed {
            common(eventId, customerId, occurredOn, currency);
            id(paymentId, "paymentId");
        }
    }

    /** (Part of) an invoice written off as a bad debt. */
    record WriteOff(String eventId, String customerId, LocalDate occurredOn, String currency,
                    String invoiceId, BigDecimal amount) implements LedgerEvent {
        public WriteOff {
            common(eventId, customerId, occurredOn, currency);
            id(invoiceId, "invoiceId");
            positive(amount, "amount");
        }
    }

    /** The customer disputes {@code amount} of an invoice. */
    record DisputeOpened(String eventId, String customerId, LocalDate occurredOn, String currency,
                         String invoiceId, BigDecimal amount) implements LedgerEvent {
        public DisputeOpened {
            common(eventId, customerId, occurredOn, currency);
            id(invoiceId, "invoiceId");
            positive(amount, "amount");
        }
    }

    /** {@code amount} of an invoice's dispute is settled (a credit note, if any, is an event of its own). */
    record DisputeResolved(String eventId, String customerId, LocalDate occurredOn, String currency,
                           String invoiceId, BigDecimal amount) implements LedgerEvent {
        public DisputeResolved {
            common(eventId, customerId, occurredOn, currency);
            id(invoiceId, "invoiceId");
            positive(amount, "amount");
        }
    }

    /** The customer promised to pay {@code amount} on the listed invoices by {@code promisedOn}. */
    record PromiseToPay(String eventId, String customerId, LocalDate occurredOn, String currency,
                        List<String> invoiceIds, LocalDate promisedOn, BigDecimal amount) implements LedgerEvent {
        public PromiseToPay {
            common(eventId, customerId, occurredOn, currency);
            invoiceIds = List.copyOf(invoiceIds);
            if (invoiceIds.isEmpty()) {
                throw new IllegalArgumentException("invoiceIds must not be empty");
            }
            invoiceIds.forEach(i -> id(i, "invoiceIds"));
            Objects.requireNonNull(promisedOn, "promisedOn");
            positive(amount, "amount");
        }
    }

    /** A dunning letter (reminder) of {@code level} (1 = first) was sent for an invoice. */
    record DunningStepSent(String eventId, String customerId, LocalDate occurredOn, String currency,
                           String invoiceId, int level) implements LedgerEvent {
        public DunningStepSent {
            common(eventId, customerId, occurredOn, currency);
            id(invoiceId, "invoiceId");
            if (level < 1) {
                throw new IllegalArgumentException("level must be at least 1");
            }
        }
    }

    /**
     * An invoice still open in the ledger is missing from the ERP's snapshot of open items: closed by that
     * snapshot, explicitly, for its open {@code amount}. Not a payment: it does not count in payment behaviour.
     */
    record InvoiceClosedBySnapshot(String eventId, String customerId, LocalDate occurredOn, String currency,
                                   String invoiceId, String snapshotId, BigDecimal amount) implements LedgerEvent {
        public InvoiceClosedBySnapshot {
            common(eventId, customerId, occurredOn, currency);
            id(invoiceId, "invoiceId");
            id(snapshotId, "snapshotId");
            positive(amount, "amount");
        }
    }

    /** The part of a payment applied to one invoice. */
    record Allocation(String invoiceId, BigDecimal amount) {
        public Allocation {
            id(invoiceId, "invoiceId");
            positive(amount, "amount");
        }
    }

    /** The wire names of the event types. */
    enum EventType {
        ORDER_BOOKED, ORDER_CHANGED, ORDER_CANCELLED, ORDER_SHIPPED, INVOICE_ISSUED, CREDIT_NOTE,
        PAYMENT_RECEIVED, PAYMENT_REVERSED, WRITE_OFF, DISPUTE_OPENED, DISPUTE_RESOLVED, PROMISE_TO_PAY,
        DUNNING_STEP_SENT, INVOICE_CLOSED_BY_SNAPSHOT;

        static EventType of(LedgerEvent e) {
            if (e instanceof OrderBooked) return ORDER_BOOKED;
            if (e instanceof OrderChanged) return ORDER_CHANGED;
            if (e instanceof OrderCancelled) return ORDER_CANCELLED;
            if (e instanceof OrderShipped) return ORDER_SHIPPED;
            if (e instanceof InvoiceIssued) return INVOICE_ISSUED;
            if (e instanceof CreditNote) return CREDIT_NOTE;
            if (e instanceof PaymentReceived) return PAYMENT_RECEIVED;
            if (e instanceof PaymentReversed) return PAYMENT_REVERSED;
            if (e instanceof WriteOff) return WRITE_OFF;
            if (e instanceof DisputeOpened) return DISPUTE_OPENED;
            if (e instanceof DisputeResolved) return DISPUTE_RESOLVED;
            if (e instanceof PromiseToPay) return PROMISE_TO_PAY;
            if (e instanceof DunningStepSent) return DUNNING_STEP_SENT;
            return INVOICE_CLOSED_BY_SNAPSHOT;
        }
    }

    private static void common(String eventId, String customerId, LocalDate occurredOn, String currency) {
        id(eventId, "eventId");
        id(customerId, "customerId");
        Objects.requireNonNull(occurredOn, "occurredOn");
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
    }

    private static void id(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void positive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
