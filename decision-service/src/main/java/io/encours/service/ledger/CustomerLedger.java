package io.encours.service.ledger;

import io.encours.service.ledger.Invoice.DisputeMovement;
import io.encours.service.ledger.Invoice.DunningStep;
import io.encours.service.ledger.Invoice.Settlement;
import io.encours.service.ledger.Invoice.SettlementKind;
import io.encours.service.ledger.LedgerEvent.Allocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One customer's receivables: its orders, shipments, invoices, payments and promises, each with its own dates,
 * fed one event at a time.
 *
 * <p>{@link #apply} checks an event against the ledger first and changes nothing when it refuses it; an
 * accepted event returns the change it made to the customer's {@link RunningTotals}, computed from the only
 * documents it touched (their contribution after minus before), so nothing counts twice and the sum of the
 * deltas always equals {@link #totalsFromDocuments()}.
 *
 * <p>How an order's amount moves along (SAP: each next document replaces the previous one's amount): for an
 * order and everything that refers to it, on a day D, with A its amount, S what was shipped and I what was
 * invoiced by D: open order = max(0, A - max(S, I)) (0 once a complete shipment is in), shipped not invoiced =
 * max(0, S - I). These depend on the dated facts, not on the order they arrived in: a shipment of an order not
 * yet known counts as shipped, and the order, when it arrives, counts only its rest. A payment that arrives
 * before its invoice is cash on account; when the invoice arrives it is allocated, dated the later of the two.
 *
 * <p>Not thread-safe: one ledger is one customer's state, changed by one writer at a time.
 */
public final class CustomerLedger {
    /** The date after every fact: the state the running totals describe. */
    static final LocalDate END = LocalDate.MAX;

    private final String customerId;
    private final String currency;
    /** The documents written since {@link #takeWritten()} last emptied it, by kind and id (what a commit writes). */
    private final Map<String, Object> written = new LinkedHashMap<>();
    private final Map<String, Order> orders = new Written<>("ORDER|");
    private final Map<String, Shipment> shipments = new Written<>("SHIPMENT|");
    private final Map<String, Invoice> invoices = new Written<>("INVOICE|");
    private final Map<String, Payment> payments = new Written<>("PAYMENT|");
    private final List<Promise> promises = new ArrayList<>() {
        @Override
        public boolean add(Promise p) {
            written.put("PROMISE|" + p.eventId(), p);
            return super.add(p);
        }
    };
    private final Map<String, String> fingerprints = new HashMap<>();
    private final Set<String> creditNoteIds = new java.util.HashSet<>();
    private final Map<String, Set<String>> shipmentsByOrder = new HashMap<>();
    private final Map<String, Set<String>> invoicesByOrder = new HashMap<>();
    private final Map<String, Set<String>> invoicesByShipment = new HashMap<>();
    private final Map<String, Set<String>> pendingPaymentsByInvoice = new HashMap<>();
    private final Map<String, Promise> promisesById = new HashMap<>();
    private final Map<String, Set<String>> promisesByInvoice = new HashMap<>();
    private LocalDate latestOn;
    private final Map<String, OpenMark> marks = new HashMap<>();

    public CustomerLedger(String customerId, String currency) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    public static CustomerLedger restore(LedgerState state) {
        CustomerLedger ledger = new CustomerLedger(state.customerId(), state.currency());
        state.orders().forEach(o -> ledger.orders.put(o.orderId(), o));
        state.shipments().forEach(ledger::putShipment);
        state.invoices().forEach(i -> {
            ledger.invoices.put(i.invoiceId(), i);
            ledger.index(i);
            i.settlements().stream().filter(s -> s.kind() == SettlementKind.CREDIT_NOTE)
                    .forEach(s -> ledger.creditNoteIds.add(s.sourceId()));
        });
        state.payments().forEach(p -> {
            ledger.payments.put(p.paymentId(), p);
            p.pending().forEach(a -> ledger.pendingPaymentsByInvoice
                    .computeIfAbsent(a.invoiceId(), k -> new LinkedHashSet<>()).add(p.paymentId()));
        });
        state.promises().forEach(ledger::putPromise);
        ledger.fingerprints.putAll(state.fingerprints());
        ledger.latestOn = ledger.latestFromDocuments();
        ledger.orderKeys().forEach(o -> ledger.mark("O:" + o));
        ledger.invoices.keySet().forEach(i -> ledger.mark("I:" + i));
        ledger.payments.keySet().forEach(p -> ledger.mark("P:" + p));
        // restoring is no write: the documents and their marks are as stored
        ledger.written.clear();
        return ledger;
    }

    /** The latest date the documents hold: every event's date is one of their dates (its own fact's). */
    private LocalDate latestFromDocuments() {
        List<LocalDate> days = new ArrayList<>();
        orders.values().forEach(o -> {
            days.add(o.bookedOn());
            o.amounts().forEach(a -> days.add(a.on()));
            days.add(o.cancelledOn());
        });
        shipments.values().forEach(s -> days.add(s.shippedOn()));
        invoices.values().forEach(i -> {
            days.add(i.issuedOn());
            i.settlements().forEach(s -> {
                days.add(s.on());
                days.add(s.reversedOn());
            });
            i.disputes().forEach(d -> days.add(d.on()));
            i.dunning().forEach(d -> days.add(d.on()));
        });
        payments.values().forEach(p -> {
            days.add(p.receivedOn());
            days.add(p.reversedOn());
        });
        promises.forEach(p -> days.add(p.madeOn()));
        return days.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * The documents (orders, shipments, invoices, payments, promises) that accepted events wrote since the last
     * call, each in its latest state with its open mark, and forgets them: what a commit has to store, found
     * without comparing the whole ledger with a copy of it. A document whose open mark changed counts as written
     * even when its own record did not change (a shipment when its invoice arrives: no longer shipped and not
     * invoiced).
     */
    List<WrittenDocument> takeWritten() {
        List<WrittenDocument> out = new ArrayList<>(written.size());
        written.forEach((key, record) -> out.add(new WrittenDocument(record, marks.get(key))));
        written.clear();
        return out;
    }

    /** A document to store: its record and its open mark ({@code null}: nothing open). */
    record WrittenDocument(Object record, OpenMark mark) {
    }

    /** Whether an event of this id was accepted into this ledger. */
    boolean knowsEvent(String eventId) {
        return fingerprints.containsKey(eventId);
    }

    public LedgerState state() {
        return new LedgerState(customerId, currency, List.copyOf(orders.values()), List.copyOf(shipments.values()),
                List.copyOf(invoices.values()), List.copyOf(payments.values()), promises, fingerprints, marks);
    }

    public String customerId() {
        return customerId;
    }

    public String currency() {
        return currency;
    }

    public Map<String, Order> orders() {
        return java.util.Collections.unmodifiableMap(orders);
    }

    public Map<String, Shipment> shipments() {
        return java.util.Collections.unmodifiableMap(shipments);
    }

    public Map<String, Invoice> invoices() {
        return java.util.Collections.unmodifiableMap(invoices);
    }

    public Map<String, Payment> payments() {
        return java.util.Collections.unmodifiableMap(payments);
    }

    public List<Promise> promises() {
        return List.copyOf(promises);
    }

    // ---------------------------------------------------------------- intake

    /** Checks the event, and if it is acceptable applies it whole; a refused or duplicate event changes nothing. */
    public ApplyResult apply(LedgerEvent event, IntakeRules rules) {
        String fingerprint = EventFingerprint.of(event);
        String known = fingerprints.get(event.eventId());
        if (known != null) {
            return known.equals(fingerprint) ? ApplyResult.duplicate(event.eventId(), fingerprint)
                    : ApplyResult.rejected(event.eventId(), List.of(LedgerProblem.of("eventId",
                    "was already received with other content; an ERP event id names one content")), fingerprint);
        }
        List<LedgerProblem> problems = new ArrayList<>();
        if (!customerId.equals(event.customerId())) {
            problems.add(LedgerProblem.of("customerId", "is not this ledger's customer " + customerId));
        }
        if (!currency.equals(event.currency())) {
            problems.add(LedgerProblem.of("currency", "is " + event.currency() + " but the account is kept in " + currency));
        }
        if (event.occurredOn().isAfter(rules.latestAllowed())) {
            problems.add(LedgerProblem.of("occurredOn", "is after " + rules.latestAllowed()
                    + " (today plus " + rules.futureToleranceDays() + " days of tolerance)"));
        }
        if (problems.isEmpty()) {
            check(event, rules, problems);
        }
        if (!problems.isEmpty()) {
            return ApplyResult.rejected(event.eventId(), problems, fingerprint);
        }
        Change change = new Change();
        change(event, change);
        fingerprints.put(event.eventId(), fingerprint);
        RunningTotals delta = change.delta();
        change.before.keySet().forEach(this::mark);
        latestOn = latestOn == null || event.occurredOn().isAfter(latestOn) ? event.occurredOn() : latestOn;
        return ApplyResult.accepted(event.eventId(), delta.withLatestOn(event.occurredOn()), fingerprint);
    }

    private void check(LedgerEvent event, IntakeRules rules, List<LedgerProblem> problems) {
        if (event instanceof LedgerEvent.OrderBooked e) {
            if (orders.containsKey(e.orderId())) {
                problems.add(LedgerProblem.of("orderId", "order " + e.orderId() + " is already booked"));
            }
        } else if (event instanceof LedgerEvent.OrderChanged e) {
            Order order = liveOrder(e.orderId(), e.occurredOn(), problems);
            if (order != null) {
                BigDecimal used = sum(shippedOf(e.orderId(), END)).max(invoicedOf(e.orderId(), END));
                if (e.amount().compareTo(used) < 0) {
                    problems.add(LedgerProblem.of("amount", "is less than the " + used.toPlainString()
                            + " already shipped or invoiced on order " + e.orderId()));
                }
            }
        } else if (event instanceof LedgerEvent.OrderCancelled e) {
            liveOrder(e.orderId(), e.occurredOn(), problems);
        } else if (event instanceof LedgerEvent.OrderShipped e) {
            if (shipments.containsKey(e.shipmentId())) {
                problems.add(LedgerProblem.of("shipmentId", "shipment " + e.shipmentId() + " is already recorded"));
            }
        } else if (event instanceof LedgerEvent.InvoiceIssued e) {
            if (invoices.containsKey(e.invoiceId())) {
                problems.add(LedgerProblem.of("invoiceId", "invoice " + e.invoiceId() + " is already issued"));
            } else if (rules.invoiceOwners().customerOf(e.invoiceId()).filter(c -> !c.equals(customerId)).isPresent()) {
                problems.add(LedgerProblem.of("invoiceId", "invoice " + e.invoiceId() + " belongs to another customer"));
            }
            Shipment shipment = e.shipmentId() == null ? null : shipments.get(e.shipmentId());
            if (shipment != null && e.orderId() != null && !shipment.orderId().equals(e.orderId())) {
                problems.add(LedgerProblem.of("orderId", "shipment " + e.shipmentId() + " belongs to order "
                        + shipment.orderId() + ", not " + e.orderId()));
            }
        } else if (event instanceof LedgerEvent.CreditNote e) {
            if (creditNoteIds.contains(e.creditNoteId())) {
                problems.add(LedgerProblem.of("creditNoteId", "credit note " + e.creditNoteId() + " is already recorded"));
            }
            notMoreThanOpen(invoice(e.invoiceId(), "invoiceId", e.occurredOn(), rules, problems), e.amount(), "credit note", problems);
        } else if (event instanceof LedgerEvent.PaymentReceived e) {
            if (payments.containsKey(e.paymentId())) {
                problems.add(LedgerProblem.of("paymentId", "payment " + e.paymentId() + " is already recorded"));
            }
            for (int i = 0; i < e.allocations().size(); i++) {
                Allocation a = e.allocations().get(i);
                String path = "allocations[" + i + "].";
                Invoice invoice = invoices.get(a.invoiceId());
                if (invoice == null) {
                    if (rules.invoiceOwners().customerOf(a.invoiceId()).filter(c -> !c.equals(customerId)).isPresent()) {
                        problems.add(LedgerProblem.of(path + "invoiceId", "invoice " + a.invoiceId() + " belongs to another customer"));
                    }
                } else if (a.amount().compareTo(invoice.openOn(END)) > 0) {
                    problems.add(LedgerProblem.of(path + "amount", "is more than the " + invoice.openOn(END).toPlainString()
                            + " open on invoice " + a.invoiceId()));
                }
            }
        } else if (event instanceof LedgerEvent.PaymentReversed e) {
            Payment payment = payments.get(e.paymentId());
            if (payment == null) {
                problems.add(LedgerProblem.of("paymentId", "payment " + e.paymentId() + " is unknown"));
            } else if (payment.reversedOn() != null) {
                problems.add(LedgerProblem.of("paymentId", "payment " + e.paymentId() + " is already reversed"));
            } else if (e.occurredOn().isBefore(payment.receivedOn())) {
                problems.add(LedgerProblem.of("occurredOn", "is before the payment was received, " + payment.receivedOn()));
            }
        } else if (event instanceof LedgerEvent.WriteOff e) {
            notMoreThanOpen(invoice(e.invoiceId(), "invoiceId", e.occurredOn(), rules, problems), e.amount(), "write-off", problems);
        } else if (event instanceof LedgerEvent.DisputeOpened e) {
            Invoice invoice = invoice(e.invoiceId(), "invoiceId", e.occurredOn(), rules, problems);
            if (invoice != null && e.amount().compareTo(invoice.openOn(END).subtract(invoice.disputedInAll())) > 0) {
                problems.add(LedgerProblem.of("amount", "is more than the undisputed open amount of invoice " + e.invoiceId()));
            }
        } else if (event instanceof LedgerEvent.DisputeResolved e) {
            Invoice invoice = invoice(e.invoiceId(), "invoiceId", e.occurredOn(), rules, problems);
            if (invoice != null && e.amount().compareTo(invoice.disputedInAll()) > 0) {
                problems.add(LedgerProblem.of("amount", "is more than the " + invoice.disputedInAll().toPlainString()
                        + " disputed on invoice " + e.invoiceId()));
            }
        } else if (event instanceof LedgerEvent.PromiseToPay e) {
            for (int i = 0; i < e.invoiceIds().size(); i++) {
                invoice(e.invoiceIds().get(i), "invoiceIds[" + i + "]", e.occurredOn(), rules, problems);
            }
        } else if (event instanceof LedgerEvent.DunningStepSent e) {
            invoice(e.invoiceId(), "invoiceId", e.occurredOn(), rules, problems);
        } else if (event instanceof LedgerEvent.InvoiceClosedBySnapshot e) {
            notMoreThanOpen(invoice(e.invoiceId(), "invoiceId", e.occurredOn(), rules, problems), e.amount(), "closure", problems);
        }
    }

    private Order liveOrder(String orderId, LocalDate on, List<LedgerProblem> problems) {
        Order order = orders.get(orderId);
        if (order == null) {
            problems.add(LedgerProblem.of("orderId", "order " + orderId + " is unknown"));
        } else if (order.cancelledOn() != null) {
            problems.add(LedgerProblem.of("orderId", "order " + orderId + " is cancelled"));
        } else if (on.isBefore(order.bookedOn())) {
            problems.add(LedgerProblem.of("occurredOn", "is before the order was booked, " + order.bookedOn()));
        } else {
            return order;
        }
        return null;
    }

    private Invoice invoice(String invoiceId, String field, LocalDate on, IntakeRules rules, List<LedgerProblem> problems) {
        Invoice invoice = invoices.get(invoiceId);
        if (invoice == null) {
            boolean other = rules.invoiceOwners().customerOf(invoiceId).filter(c -> !c.equals(customerId)).isPresent();
            problems.add(LedgerProblem.of(field, "invoice " + invoiceId + (other ? " belongs to another customer" : " is unknown")));
            return null;
        }
        if (on.isBefore(invoice.issuedOn())) {
            problems.add(LedgerProblem.of("occurredOn", "is before invoice " + invoiceId + " was issued, " + invoice.issuedOn()));
            return null;
        }
        return invoice;
    }

    private static void notMoreThanOpen(Invoice invoice, BigDecimal amount, String what, List<LedgerProblem> problems) {
        if (invoice != null && amount.compareTo(invoice.openOn(END)) > 0) {
            problems.add(LedgerProblem.of("amount", "the " + what + " of " + amount.toPlainString() + " is more than the "
                    + invoice.openOn(END).toPlainString() + " open on invoice " + invoice.invoiceId()));
        }
    }

    /** Applies an event already checked: nothing here may refuse it. */
    private void change(LedgerEvent event, Change change) {
        if (event instanceof LedgerEvent.OrderBooked e) {
            change.touchOrder(e.orderId());
            orders.put(e.orderId(), new Order(e.orderId(), e.occurredOn(),
                    List.of(new Order.DatedAmount(e.occurredOn(), e.amount())), e.deliveryOn(), null));
        } else if (event instanceof LedgerEvent.OrderChanged e) {
            change.touchOrder(e.orderId());
            orders.put(e.orderId(), orders.get(e.orderId()).changed(e.occurredOn(), e.amount(), e.deliveryOn()));
        } else if (event instanceof LedgerEvent.OrderCancelled e) {
            change.touchOrder(e.orderId());
            orders.put(e.orderId(), orders.get(e.orderId()).cancelled(e.occurredOn()));
        } else if (event instanceof LedgerEvent.OrderShipped e) {
            change.touchOrder(e.orderId());
            // invoices that named this shipment before it arrived now belong to its order
            for (String invoiceId : invoicesByShipment.getOrDefault(e.shipmentId(), Set.of())) {
                String before = orderOf(invoices.get(invoiceId));
                if (before != null) {
                    change.touchOrder(before);
                }
            }
            for (String invoiceId : invoicesByShipment.getOrDefault(e.shipmentId(), Set.of())) {
                unindex(invoices.get(invoiceId));
            }
            putShipment(new Shipment(e.shipmentId(), e.orderId(), e.occurredOn(), e.amount(), e.complete()));
            for (String invoiceId : invoicesByShipment.getOrDefault(e.shipmentId(), Set.of())) {
                index(invoices.get(invoiceId));
            }
        } else if (event instanceof LedgerEvent.InvoiceIssued e) {
            Invoice invoice = new Invoice(e.invoiceId(), e.orderId(), e.shipmentId(), e.occurredOn(), e.due(), e.amount(),
                    List.of(), List.of(), List.of());
            String order = orderOf(invoice);
            if (order != null) {
                change.touchOrder(order);
            }
            change.touchInvoice(e.invoiceId());
            invoices.put(e.invoiceId(), invoice);
            index(invoice);
            for (String paymentId : pendingPaymentsByInvoice.getOrDefault(e.invoiceId(), Set.of())) {
                Payment payment = payments.get(paymentId);
                Allocation waiting = payment.pending().stream().filter(a -> a.invoiceId().equals(e.invoiceId())).findFirst().orElseThrow();
                allocate(payment, waiting, change);
            }
            pendingPaymentsByInvoice.remove(e.invoiceId());
        } else if (event instanceof LedgerEvent.CreditNote e) {
            change.touchInvoice(e.invoiceId());
            creditNoteIds.add(e.creditNoteId());
            settle(e.invoiceId(), new Settlement(e.creditNoteId(), SettlementKind.CREDIT_NOTE, e.occurredOn(), e.amount(), null));
        } else if (event instanceof LedgerEvent.PaymentReceived e) {
            change.touchPayment(e.paymentId());
            payments.put(e.paymentId(), new Payment(e.paymentId(), e.occurredOn(), e.amount(), List.of(), e.allocations(), null));
            for (Allocation a : e.allocations()) {
                if (invoices.containsKey(a.invoiceId())) {
                    allocate(payments.get(e.paymentId()), a, change);
                } else {
                    pendingPaymentsByInvoice.computeIfAbsent(a.invoiceId(), k -> new LinkedHashSet<>()).add(e.paymentId());
                }
            }
        } else if (event instanceof LedgerEvent.PaymentReversed e) {
            Payment payment = payments.get(e.paymentId());
            change.touchPayment(e.paymentId());
            for (Payment.Applied a : payment.applied()) {
                change.touchInvoice(a.invoiceId());
                invoices.put(a.invoiceId(), invoices.get(a.invoiceId()).withPaymentReversed(e.paymentId(), e.occurredOn()));
            }
            for (Allocation a : payment.pending()) {
                Set<String> waiting = pendingPaymentsByInvoice.get(a.invoiceId());
                if (waiting != null) {
                    waiting.remove(e.paymentId());
                    if (waiting.isEmpty()) {
                        pendingPaymentsByInvoice.remove(a.invoiceId());
                    }
                }
            }
            payments.put(e.paymentId(), payment.reversed(e.occurredOn()));
        } else if (event instanceof LedgerEvent.WriteOff e) {
            change.touchInvoice(e.invoiceId());
            settle(e.invoiceId(), new Settlement(e.eventId(), SettlementKind.WRITE_OFF, e.occurredOn(), e.amount(), null));
        } else if (event instanceof LedgerEvent.DisputeOpened e) {
            change.touchInvoice(e.invoiceId());
            invoices.put(e.invoiceId(), invoices.get(e.invoiceId()).disputed(new DisputeMovement(e.eventId(), e.occurredOn(), e.amount())));
        } else if (event instanceof LedgerEvent.DisputeResolved e) {
            change.touchInvoice(e.invoiceId());
            invoices.put(e.invoiceId(), invoices.get(e.invoiceId()).disputed(new DisputeMovement(e.eventId(), e.occurredOn(), e.amount().negate())));
        } else if (event instanceof LedgerEvent.PromiseToPay e) {
            change.touchPromise(e.eventId());
            putPromise(new Promise(e.eventId(), e.occurredOn(), e.invoiceIds(), e.promisedOn(), e.amount()));
        } else if (event instanceof LedgerEvent.DunningStepSent e) {
            change.touchInvoice(e.invoiceId());
            invoices.put(e.invoiceId(), invoices.get(e.invoiceId()).dunned(new DunningStep(e.eventId(), e.occurredOn(), e.level())));
        } else if (event instanceof LedgerEvent.InvoiceClosedBySnapshot e) {
            change.touchInvoice(e.invoiceId());
            settle(e.invoiceId(), new Settlement(e.snapshotId(), SettlementKind.CLOSED_BY_SNAPSHOT, e.occurredOn(), e.amount(), null));
        }
    }

    /**
     * Applies a payment's allocation to an invoice the ledger holds, for at most what is open on it (an allocation
     * that waited for its invoice may find it partly settled; the rest stays on account), dated the later of the
     * payment and the invoice.
     */
    private void allocate(Payment payment, Allocation allocation, Change change) {
        Invoice invoice = invoices.get(allocation.invoiceId());
        change.touchPayment(payment.paymentId());
        change.touchInvoice(invoice.invoiceId());
        BigDecimal amount = allocation.amount().min(invoice.openOn(END));
        LocalDate on = payment.receivedOn().isAfter(invoice.issuedOn()) ? payment.receivedOn() : invoice.issuedOn();
        if (amount.signum() > 0) {
            invoices.put(invoice.invoiceId(), invoice.settledBy(new Settlement(payment.paymentId(), SettlementKind.PAYMENT, on, amount, null)));
            payments.put(payment.paymentId(), payment.withApplied(new Payment.Applied(invoice.invoiceId(), on, amount), invoice.invoiceId()));
        } else {
            payments.put(payment.paymentId(), new Payment(payment.paymentId(), payment.receivedOn(), payment.amount(), payment.applied(),
                    payment.pending().stream().filter(a -> !a.invoiceId().equals(invoice.invoiceId())).toList(), payment.reversedOn()));
        }
    }

    private void settle(String invoiceId, Settlement settlement) {
        invoices.put(invoiceId, invoices.get(invoiceId).settledBy(settlement));
    }

    private void putPromise(Promise p) {
        promises.add(p);
        promisesById.put(p.eventId(), p);
        p.invoiceIds().forEach(i -> promisesByInvoice.computeIfAbsent(i, k -> new LinkedHashSet<>()).add(p.eventId()));
    }

    private void putShipment(Shipment s) {
        shipments.put(s.shipmentId(), s);
        shipmentsByOrder.computeIfAbsent(s.orderId(), k -> new LinkedHashSet<>()).add(s.shipmentId());
    }

    /** The order an invoice's amount replaces: its shipment's order when the shipment is known, else the order it names. */
    private String orderOf(Invoice invoice) {
        Shipment shipment = invoice.shipmentId() == null ? null : shipments.get(invoice.shipmentId());
        return shipment != null ? shipment.orderId() : invoice.orderId();
    }

    private void index(Invoice invoice) {
        String order = orderOf(invoice);
        if (order != null) {
            invoicesByOrder.computeIfAbsent(order, k -> new LinkedHashSet<>()).add(invoice.invoiceId());
        }
        if (invoice.shipmentId() != null) {
            invoicesByShipment.computeIfAbsent(invoice.shipmentId(), k -> new LinkedHashSet<>()).add(invoice.invoiceId());
        }
    }

    private void unindex(Invoice invoice) {
        String order = orderOf(invoice);
        if (order != null && invoicesByOrder.containsKey(order)) {
            invoicesByOrder.get(order).remove(invoice.invoiceId());
        }
    }

    // ---------------------------------------------------------------- contributions

    private List<Shipment> shippedOf(String orderId, LocalDate day) {
        return shipmentsByOrder.getOrDefault(orderId, Set.of()).stream().map(shipments::get)
                .filter(s -> !s.shippedOn().isAfter(day))
                .sorted(Comparator.comparing(Shipment::shippedOn).thenComparing(Shipment::shipmentId)).toList();
    }

    private static BigDecimal sum(List<Shipment> shipped) {
        return shipped.stream().map(Shipment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal invoicedOf(String orderId, LocalDate day) {
        return invoicesByOrder.getOrDefault(orderId, Set.of()).stream().map(invoices::get)
                .filter(i -> !i.issuedOn().isAfter(day)).map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The open-order and shipped-not-invoiced lines of one order and what refers to it, on a day. */
    private void orderLines(String orderId, LocalDate day, Integer horizonDays, List<ExposureLine> out) {
        Order order = orders.get(orderId);
        List<Shipment> shipped = shippedOf(orderId, day);
        BigDecimal s = sum(shipped);
        BigDecimal invoiced = invoicedOf(orderId, day);
        boolean complete = shipped.stream().anyMatch(Shipment::complete);
        if (order != null && !complete) {
            BigDecimal open = order.amountOn(day).subtract(s.max(invoiced));
            if (open.signum() > 0) {
                LocalDate dated = order.deliveryOn() != null ? order.deliveryOn() : order.bookedOn();
                boolean beyond = horizonDays != null && order.deliveryOn() != null
                        && day != END && order.deliveryOn().isAfter(day.plusDays(horizonDays));
                out.add(new ExposureLine(beyond ? ExposureCategory.OPEN_ORDERS_BEYOND_HORIZON : ExposureCategory.OPEN_ORDERS,
                        orderId, dated, open, 0));
            }
        }
        // what was invoiced replaces the oldest shipments first
        BigDecimal toReplace = invoiced;
        for (Shipment shipment : shipped) {
            BigDecimal replaced = toReplace.min(shipment.amount());
            toReplace = toReplace.subtract(replaced);
            BigDecimal left = shipment.amount().subtract(replaced);
            if (left.signum() > 0) {
                out.add(new ExposureLine(ExposureCategory.SHIPPED_NOT_INVOICED, shipment.shipmentId(), shipment.shippedOn(), left, 0));
            }
        }
    }

    private void invoiceLines(Invoice invoice, LocalDate day, int graceDays, List<ExposureLine> out) {
        BigDecimal open = invoice.openOn(day);
        if (open.signum() <= 0) {
            return;
        }
        boolean overdue = day != END && day.isAfter(invoice.dueOn().plusDays(graceDays));
        long days = overdue ? ChronoUnit.DAYS.between(invoice.dueOn(), day) : 0;
        out.add(new ExposureLine(overdue ? ExposureCategory.OVERDUE : ExposureCategory.OPEN_INVOICES_NOT_DUE,
                invoice.invoiceId(), invoice.dueOn(), open, days));
        BigDecimal disputed = invoice.disputedOn(day);
        if (disputed.signum() > 0) {
            out.add(new ExposureLine(ExposureCategory.DISPUTED, invoice.invoiceId(), invoice.dueOn(), disputed, days));
        }
    }

    private void paymentLines(Payment payment, LocalDate day, List<ExposureLine> out) {
        BigDecimal unallocated = payment.unallocatedOn(day);
        if (unallocated.signum() > 0) {
            out.add(new ExposureLine(ExposureCategory.UNALLOCATED_CASH, payment.paymentId(), payment.receivedOn(), unallocated, 0));
        }
    }

    private Set<String> orderKeys() {
        Set<String> keys = new LinkedHashSet<>(orders.keySet());
        keys.addAll(shipmentsByOrder.keySet());
        keys.addAll(invoicesByOrder.keySet());
        return keys;
    }

    /**
     * Today's running totals computed from every document: what the sum of the deltas must equal (a rebuild).
     * Each document's part is the same as {@link Change} adds up, so the two agree to the cent.
     */
    public RunningTotals totalsFromDocuments() {
        RunningTotals totals = RunningTotals.ZERO;
        for (String o : orderKeys()) {
            totals = totals.plus(contributionOf("O:" + o));
        }
        for (String i : invoices.keySet()) {
            totals = totals.plus(contributionOf("I:" + i));
        }
        for (String p : payments.keySet()) {
            totals = totals.plus(contributionOf("P:" + p));
        }
        for (String r : promisesById.keySet()) {
            totals = totals.plus(contributionOf("R:" + r));
        }
        return totals.withLatestOn(latestOn);
    }

    /** The before-and-after of the documents one event touches (a touched invoice touches its promises). */
    private final class Change {
        private final Map<String, RunningTotals> before = new LinkedHashMap<>();

        void touchOrder(String orderId) {
            before.computeIfAbsent("O:" + orderId, CustomerLedger.this::contributionOf);
        }

        void touchInvoice(String invoiceId) {
            before.computeIfAbsent("I:" + invoiceId, CustomerLedger.this::contributionOf);
            for (String promiseId : promisesByInvoice.getOrDefault(invoiceId, Set.of())) {
                touchPromise(promiseId);
            }
        }

        void touchPayment(String paymentId) {
            before.computeIfAbsent("P:" + paymentId, CustomerLedger.this::contributionOf);
        }

        void touchPromise(String promiseId) {
            before.computeIfAbsent("R:" + promiseId, CustomerLedger.this::contributionOf);
        }

        RunningTotals delta() {
            RunningTotals delta = RunningTotals.ZERO;
            for (Map.Entry<String, RunningTotals> e : before.entrySet()) {
                delta = delta.plus(contributionOf(e.getKey()).minus(e.getValue()));
            }
            return delta;
        }
    }

    /**
     * What a stored document shows of its own part in today's exposure, so that the open documents behind a
     * figure are found by an indexed query instead of reading them all: the category it is open in
     * ({@code ORDER}, {@code SHIPMENT}, {@code INVOICE}, {@code PAYMENT} for cash on account), the open amount,
     * the date that places it (delivery or booking date, shipping date, due date, receipt date) and, for an
     * invoice, its disputed part.
     */
    public record OpenMark(String open, BigDecimal amount, LocalDate on, BigDecimal disputed) {
    }

    /** The marks of the documents whose part a key ({@link #contributionOf}) names, after every fact. */
    private void mark(String key) {
        String id = key.substring(2);
        // the marks this key governs, after every fact (null: nothing open)
        Map<String, OpenMark> now = new LinkedHashMap<>();
        switch (key.charAt(0)) {
            case 'O' -> {
                List<ExposureLine> lines = new ArrayList<>();
                orderLines(id, END, null, lines);
                Order order = orders.get(id);
                if (order != null) {
                    now.put("ORDER|" + id, null);
                }
                shipmentsByOrder.getOrDefault(id, Set.of()).forEach(s -> now.put("SHIPMENT|" + s, null));
                for (ExposureLine line : lines) {
                    if (line.category() == ExposureCategory.SHIPPED_NOT_INVOICED) {
                        now.put("SHIPMENT|" + line.documentId(), new OpenMark("SHIPMENT", line.amount(), line.dated(), null));
                    } else if (order != null) {
                        now.put("ORDER|" + id, new OpenMark("ORDER", line.amount(), line.dated(), null));
                    }
                }
            }
            case 'I' -> {
                Invoice invoice = invoices.get(id);
                BigDecimal open = invoice == null ? BigDecimal.ZERO : invoice.openOn(END);
                if (open.signum() > 0) {
                    BigDecimal disputed = invoice.disputedOn(END);
                    now.put("INVOICE|" + id, new OpenMark("INVOICE", open, invoice.dueOn(), disputed.signum() > 0 ? disputed : null));
                } else {
                    now.put("INVOICE|" + id, null);
                }
            }
            case 'P' -> {
                Payment payment = payments.get(id);
                BigDecimal unallocated = payment == null ? BigDecimal.ZERO : payment.unallocatedOn(END);
                if (unallocated.signum() > 0) {
                    now.put("PAYMENT|" + id, new OpenMark("PAYMENT", unallocated, payment.receivedOn(), null));
                } else {
                    now.put("PAYMENT|" + id, null);
                }
            }
            default -> {
            }
        }
        now.forEach((k, mark) -> {
            OpenMark was = mark == null ? marks.remove(k) : marks.put(k, mark);
            if (!Objects.equals(was, mark)) {
                rewrite(k);
            }
        });
    }

    /** Notes a document as written because its open mark changed (its record may not have). */
    private void rewrite(String key) {
        String id = key.substring(key.indexOf('|') + 1);
        Object record = switch (key.substring(0, key.indexOf('|'))) {
            case "ORDER" -> orders.get(id);
            case "SHIPMENT" -> shipments.get(id);
            case "INVOICE" -> invoices.get(id);
            case "PAYMENT" -> payments.get(id);
            default -> null;
        };
        if (record != null) {
            written.put(key, record);
        }
    }

    /**
     * One document's part of the running totals after every fact ({@link #END}): an order with its shipments
     * ({@code O:}), an invoice ({@code I:}), a payment ({@code P:}), a promise ({@code R:}).
     */
    private RunningTotals contributionOf(String key) {
        String id = key.substring(2);
        BigDecimal zero = BigDecimal.ZERO;
        switch (key.charAt(0)) {
            case 'O' -> {
                List<ExposureLine> lines = new ArrayList<>();
                orderLines(id, END, null, lines);
                BigDecimal open = zero;
                BigDecimal shipped = zero;
                long shipments = 0;
                for (ExposureLine line : lines) {
                    if (line.category() == ExposureCategory.SHIPPED_NOT_INVOICED) {
                        shipped = shipped.add(line.amount());
                        shipments++;
                    } else {
                        open = open.add(line.amount());
                    }
                }
                Order order = orders.get(id);
                LocalDate delivery = order == null || order.deliveryOn() == null ? RunningTotals.UNDATED : order.deliveryOn();
                return new RunningTotals(open, shipped, zero, zero, zero, shipments, 0, 0,
                        open.signum() > 0 ? RunningTotals.one(delivery, RunningTotals.Bucket.of(1, open)) : null,
                        null, null, null, null, null, null);
            }
            case 'I' -> {
                Invoice invoice = invoices.get(id);
                BigDecimal open = invoice == null ? zero : invoice.openOn(END);
                if (open.signum() <= 0) {
                    return RunningTotals.ZERO;
                }
                BigDecimal disputed = invoice.disputedOn(END);
                int level = invoice.dunningLevelOn(END);
                return new RunningTotals(zero, zero, open, disputed, zero, 0, disputed.signum() > 0 ? 1 : 0, 0, null,
                        RunningTotals.one(invoice.dueOn(), RunningTotals.Bucket.of(1, open)),
                        level > 0 ? RunningTotals.one(level, RunningTotals.Bucket.of(1, open)) : null,
                        null, null, null, null);
            }
            case 'P' -> {
                Payment payment = payments.get(id);
                if (payment == null) {
                    return RunningTotals.ZERO;
                }
                BigDecimal unallocated = payment.unallocatedOn(END);
                java.util.TreeMap<LocalDate, RunningTotals.Bucket> paid = new java.util.TreeMap<>();
                java.util.TreeMap<LocalDate, RunningTotals.Bucket> reversals = new java.util.TreeMap<>();
                if (payment.reversedOn() != null) {
                    reversals.put(payment.reversedOn(), RunningTotals.Bucket.of(1, payment.amount()));
                } else {
                    for (Payment.Applied a : payment.applied()) {
                        long late = Math.max(0, ChronoUnit.DAYS.between(invoices.get(a.invoiceId()).dueOn(), a.on()));
                        paid.merge(a.on(), new RunningTotals.Bucket(1, a.amount(),
                                a.amount().multiply(BigDecimal.valueOf(late))), RunningTotals.Bucket::plus);
                    }
                }
                boolean onAccount = unallocated.signum() > 0;
                return new RunningTotals(zero, zero, zero, zero, onAccount ? unallocated : zero, 0, 0,
                        onAccount ? 1 : 0, null, null, null, paid, reversals, null, null);
            }
            case 'R' -> {
                Promise promise = promisesById.get(id);
                if (promise == null || kept(promise, END)) {
                    return RunningTotals.ZERO;
                }
                return new RunningTotals(zero, zero, zero, zero, zero, 0, 0, 0, null, null, null, null, null,
                        RunningTotals.one(promise.promisedOn(), RunningTotals.Bucket.of(1, promise.amount())), null);
            }
            default -> throw new IllegalStateException(key);
        }
    }

    // ---------------------------------------------------------------- as of a date

    /**
     * The exposure on {@code asOf}, from the documents' own dates: what was open that day, whatever the order the
     * events arrived in. {@code approved} are the approved order checks not yet booked (outside the ledger).
     */
    public Exposure exposureAsOf(LocalDate asOf, ExposureRules rules, List<ApprovedOrderCheck> approved) {
        List<ExposureLine> lines = new ArrayList<>();
        for (ApprovedOrderCheck check : approved) {
            Order order = orders.get(check.orderId());
            boolean booked = order != null && !order.bookedOn().isAfter(asOf);
            if (!booked && !check.approvedOn().isAfter(asOf)) {
                lines.add(new ExposureLine(ExposureCategory.APPROVED_NOT_BOOKED, check.decisionId(), check.approvedOn(), check.amount(), 0));
            }
        }
        orderKeys().forEach(o -> orderLines(o, asOf, rules.deliveryHorizonDays(), lines));
        invoices.values().forEach(i -> invoiceLines(i, asOf, rules.graceDays(), lines));
        payments.values().forEach(p -> paymentLines(p, asOf, lines));
        return Exposure.of(customerId, currency, asOf, lines);
    }

    /** The customer's payment behaviour on {@code asOf}, from the documents' own dates. */
    public PaymentBehaviour behaviourAsOf(LocalDate asOf, ExposureRules rules) {
        LocalDate yearBefore = asOf.minusMonths(12);
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        BigDecimal disputed = BigDecimal.ZERO;
        long oldest = 0;
        int dunning = 0;
        for (Invoice invoice : invoices.values()) {
            BigDecimal openOn = invoice.openOn(asOf);
            if (openOn.signum() <= 0) {
                continue;
            }
            open = open.add(openOn);
            disputed = disputed.add(invoice.disputedOn(asOf));
            dunning = Math.max(dunning, invoice.dunningLevelOn(asOf));
            if (asOf.isAfter(invoice.dueOn().plusDays(rules.graceDays()))) {
                overdue = overdue.add(openOn);
                oldest = Math.max(oldest, ChronoUnit.DAYS.between(invoice.dueOn(), asOf));
            }
        }
        int incidents = 0;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal weightedDays = BigDecimal.ZERO;
        for (Payment payment : payments.values()) {
            LocalDate reversed = payment.reversedOn();
            if (reversed != null && !reversed.isAfter(asOf) && reversed.isAfter(yearBefore)) {
                incidents++;
            }
            if (reversed != null && !reversed.isAfter(asOf)) {
                continue;
            }
            for (Payment.Applied a : payment.applied()) {
                if (!a.on().isAfter(asOf) && a.on().isAfter(yearBefore)) {
                    long late = Math.max(0, ChronoUnit.DAYS.between(invoices.get(a.invoiceId()).dueOn(), a.on()));
                    paid = paid.add(a.amount());
                    weightedDays = weightedDays.add(a.amount().multiply(BigDecimal.valueOf(late)));
                }
            }
        }
        int broken = 0;
        for (Promise promise : promises) {
            if (promise.promisedOn().isBefore(asOf) && !kept(promise, asOf)) {
                broken++;
            }
        }
        BigDecimal ratio = open.signum() == 0 ? BigDecimal.ZERO.setScale(4) : overdue.divide(open, 4, RoundingMode.HALF_UP);
        BigDecimal averageLate = paid.signum() == 0 ? null : weightedDays.divide(paid, 1, RoundingMode.HALF_UP);
        return new PaymentBehaviour(asOf, overdue, open, ratio, oldest, dunning, incidents, averageLate, broken, disputed);
    }

    /**
     * A promise is kept when payments dated from the promise to its date (and not reversed by {@code asOf})
     * reach the promised amount on its invoices, or when its invoices were settled by its date anyway.
     */
    boolean kept(Promise promise, LocalDate asOf) {
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal openOnDate = BigDecimal.ZERO;
        for (String invoiceId : promise.invoiceIds()) {
            Invoice invoice = invoices.get(invoiceId);
            openOnDate = openOnDate.add(invoice.openOn(promise.promisedOn()));
            for (Settlement s : invoice.settlements()) {
                if (s.kind() == SettlementKind.PAYMENT && !s.on().isBefore(promise.madeOn())
                        && !s.on().isAfter(promise.promisedOn()) && s.effectiveOn(asOf)) {
                    paid = paid.add(s.amount());
                }
            }
        }
        return paid.compareTo(promise.amount()) >= 0 || openOnDate.signum() <= 0;
    }

    /** A map of documents that notes every document put into it as written. */
    private final class Written<V> extends LinkedHashMap<String, V> {
        private final String kind;

        Written(String kind) {
            this.kind = kind;
        }

        @Override
        public V put(String key, V value) {
            written.put(kind + key, value);
            return super.put(key, value);
        }
    }
}
