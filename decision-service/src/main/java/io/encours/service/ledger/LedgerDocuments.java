package io.encours.service.ledger;

import static io.encours.service.storage.BsonValues.bigDecimal;
import static io.encours.service.storage.BsonValues.day;
import static io.encours.service.storage.BsonValues.decimal128;
import static io.encours.service.storage.BsonValues.localDate;

import io.encours.service.ledger.Invoice.DisputeMovement;
import io.encours.service.ledger.Invoice.DunningStep;
import io.encours.service.ledger.Invoice.Settlement;
import io.encours.service.ledger.Invoice.SettlementKind;
import io.encours.service.ledger.LedgerEvent.Allocation;
import io.encours.service.ledger.Order.DatedAmount;
import io.encours.service.ledger.Payment.Applied;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.bson.Document;

/**
 * The stored shape of the ledger, written by hand so that it is visible here and stays put. Amounts are
 * Decimal128, days "yyyy-MM-dd" strings (they sort as dates), instants BSON dates.
 *
 * <ul>
 *   <li>{@code ledger_positions}: one per customer, {@code _id} = customer id. Its running totals, its
 *       {@code version} (moved by every accepted batch and every reservation), its {@code ledgerVersion}
 *       (moved by accepted batches only: the version of the documents), the reservations of approved order
 *       checks, and while a batch is being written out, the batch itself under {@code pending} (the commit
 *       point, see {@link LedgerStore}).</li>
 *   <li>{@code ledger_documents}: one per ledger document, {@code _id} = {@code <customerId>|<KIND>|<id>}, so
 *       that a customer's documents are one {@code _id} range and a document is replaced whole; {@code version}
 *       is the {@code ledgerVersion} that wrote it (an older writer never overwrites a newer one).</li>
 *   <li>{@code ledger_events}: one per accepted event, {@code _id} = the ERP's event id (unique), with its
 *       content fingerprint, its place in the customer's order of acceptance ({@code ledgerVersion},
 *       {@code index}), the event as received (what a rebuild replays) and the token of the commit that wrote it.</li>
 * </ul>
 */
final class LedgerDocuments {
    static final String POSITIONS = "ledger_positions";
    static final String DOCUMENTS = "ledger_documents";
    static final String EVENTS = "ledger_events";
    static final int SCHEMA_VERSION = 1;

    static final String ID = "_id";
    static final String SCHEMA = "schema";
    static final String CUSTOMER_ID = "customerId";
    static final String CURRENCY = "currency";
    static final String VERSION = "version";
    static final String LEDGER_VERSION = "ledgerVersion";
    static final String TOTALS = "totals";
    static final String RESERVATIONS = "reservations";
    static final String PENDING = "pending";
    static final String UPDATED_AT = "updatedAt";
    static final String KIND = "kind";
    static final String DOCUMENT_ID = "documentId";
    static final String INDEX = "index";
    static final String TYPE = "type";
    static final String OCCURRED_ON = "occurredOn";
    static final String RECEIVED_AT = "receivedAt";
    static final String FINGERPRINT = "fingerprint";
    static final String OUTCOME = "outcome";
    static final String EVENT = "event";
    static final String EVENTS_FIELD = "events";
    static final String DOCUMENTS_FIELD = "documents";
    /** The token of the commit that wrote a pending batch and its events (see {@link LedgerStore#commitAll}). */
    static final String COMMIT = "commit";
    static final String OPEN = "open";
    static final String OPEN_KEY = "openKey";
    static final String OPEN_AMOUNT = "openAmount";
    static final String DISPUTED_KEY = "disputedKey";
    static final String DISPUTED_AMOUNT = "disputedAmount";

    /** The kinds of ledger documents, as stored. */
    enum Kind { ORDER, SHIPMENT, INVOICE, PAYMENT, PROMISE }

    private LedgerDocuments() {
    }

    static String documentKey(String customerId, Kind kind, String documentId) {
        return customerId + "|" + kind.name() + "|" + documentId;
    }

    /** The first and the last possible {@code _id} of a customer's documents (the separator sorts before '}'). */
    static String firstKey(String customerId) {
        return customerId + "|";
    }

    static String afterLastKey(String customerId) {
        return customerId + "}";
    }

    // ------------------------------------------------------------------ totals and reservations

    /**
     * The running totals as stored in the position: the five sums, the counts of documents, and each dated map
     * as a list of {@code {on (or level), count, amount[, weighted]}} (see {@link RunningTotals}).
     */
    static Document toDocument(RunningTotals t) {
        return new Document("openOrders", decimal128(t.openOrders()))
                .append("shippedNotInvoiced", decimal128(t.shippedNotInvoiced()))
                .append("openInvoices", decimal128(t.openInvoices()))
                .append("disputed", decimal128(t.disputed()))
                .append("unallocatedCash", decimal128(t.unallocatedCash()))
                .append("shipmentsNotInvoiced", t.shipmentsNotInvoiced())
                .append("disputedInvoices", t.disputedInvoices())
                .append("paymentsOnAccount", t.paymentsOnAccount())
                .append("openOrdersByDelivery", buckets(t.openOrdersByDelivery()))
                .append("openInvoicesByDue", buckets(t.openInvoicesByDue()))
                .append("dunningLevels", buckets(t.dunningLevels()))
                .append("paymentsByDay", buckets(t.paymentsByDay()))
                .append("reversalsByDay", buckets(t.reversalsByDay()))
                .append("unkeptPromises", buckets(t.unkeptPromises()))
                .append("latestOn", day(t.latestOn()));
    }

    static RunningTotals toTotals(Document d) {
        if (d == null) {
            return RunningTotals.ZERO;
        }
        return new RunningTotals(bigDecimal(d.get("openOrders")), bigDecimal(d.get("shippedNotInvoiced")),
                bigDecimal(d.get("openInvoices")), bigDecimal(d.get("disputed")), bigDecimal(d.get("unallocatedCash")),
                count(d, "shipmentsNotInvoiced"), count(d, "disputedInvoices"), count(d, "paymentsOnAccount"),
                datedBuckets(d, "openOrdersByDelivery"), datedBuckets(d, "openInvoicesByDue"), levelBuckets(d),
                datedBuckets(d, "paymentsByDay"), datedBuckets(d, "reversalsByDay"), datedBuckets(d, "unkeptPromises"),
                localDate(d.getString("latestOn")));
    }

    private static List<Document> buckets(SortedMap<?, RunningTotals.Bucket> map) {
        List<Document> out = new ArrayList<>(map.size());
        map.forEach((k, b) -> {
            Document e = new Document(k instanceof Integer ? "level" : "on", k instanceof LocalDate day ? day(day) : k)
                    .append("count", b.count()).append("amount", decimal128(b.amount()));
            if (b.weighted().signum() != 0) {
                e.append("weighted", decimal128(b.weighted()));
            }
            out.add(e);
        });
        return out;
    }

    private static SortedMap<LocalDate, RunningTotals.Bucket> datedBuckets(Document d, String field) {
        TreeMap<LocalDate, RunningTotals.Bucket> map = new TreeMap<>();
        d.getList(field, Document.class, List.of()).forEach(e -> map.put(localDate(e.getString("on")), bucket(e)));
        return map;
    }

    private static SortedMap<Integer, RunningTotals.Bucket> levelBuckets(Document d) {
        TreeMap<Integer, RunningTotals.Bucket> map = new TreeMap<>();
        d.getList("dunningLevels", Document.class, List.of()).forEach(e -> map.put(e.getInteger("level"), bucket(e)));
        return map;
    }

    private static RunningTotals.Bucket bucket(Document e) {
        Object weighted = e.get("weighted");
        return new RunningTotals.Bucket(count(e, "count"), bigDecimal(e.get("amount")),
                weighted == null ? BigDecimal.ZERO : bigDecimal(weighted));
    }

    private static long count(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    static Document toDocument(Reservation r) {
        return new Document("decisionId", r.check().decisionId()).append("orderId", r.check().orderId())
                .append("approvedOn", day(r.check().approvedOn())).append("amount", decimal128(r.check().amount()))
                .append("expiresAt", Date.from(r.expiresAt()));
    }

    static Reservation toReservation(Document d) {
        return new Reservation(new ApprovedOrderCheck(d.getString("decisionId"), d.getString("orderId"),
                localDate(d.getString("approvedOn")), bigDecimal(d.get("amount"))), d.getDate("expiresAt").toInstant());
    }

    static Position toPosition(Document d) {
        List<Reservation> reservations = new ArrayList<>();
        for (Document r : d.getList(RESERVATIONS, Document.class, List.of())) {
            reservations.add(toReservation(r));
        }
        return new Position(d.getString(ID), d.getString(CURRENCY), d.get(VERSION, Number.class).longValue(),
                d.get(LEDGER_VERSION, Number.class).longValue(), toTotals(d.get(TOTALS, Document.class)),
                reservations, d.get(PENDING, Document.class));
    }

    // ------------------------------------------------------------------ events

    /** The event as received, to replay: amounts as Decimal128, everything else as sent. */
    static Document toDocument(AcceptedEvent e) {
        return new Document(ID, e.eventId()).append(SCHEMA, SCHEMA_VERSION).append(CUSTOMER_ID, e.customerId())
                .append(LEDGER_VERSION, e.ledgerVersion()).append(INDEX, e.index()).append(TYPE, e.type())
                .append(OCCURRED_ON, day(e.occurredOn())).append(RECEIVED_AT, Date.from(e.receivedAt()))
                .append(FINGERPRINT, e.fingerprint()).append(OUTCOME, "ACCEPTED").append(EVENT, bson(e.wire()));
    }

    static AcceptedEvent toEvent(Document d) {
        return new AcceptedEvent(d.getString(ID), d.getString(CUSTOMER_ID), d.get(LEDGER_VERSION, Number.class).longValue(),
                d.getInteger(INDEX), d.getString(TYPE), localDate(d.getString(OCCURRED_ON)),
                d.getDate(RECEIVED_AT).toInstant(), d.getString(FINGERPRINT), plain(d.get(EVENT, Document.class)));
    }

    @SuppressWarnings("unchecked")
    private static Object bson(Object value) {
        if (value instanceof Map<?, ?> map) {
            Document d = new Document();
            ((Map<String, Object>) map).forEach((k, v) -> d.append(k, bson(v)));
            return d;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(LedgerDocuments::bson).toList();
        }
        if (value instanceof BigDecimal b) {
            return decimal128(b);
        }
        return value;
    }

    /** Back to the plain values the event parser reads (Decimal128 to BigDecimal). */
    static Map<String, Object> plain(Document d) {
        Map<String, Object> out = new LinkedHashMap<>();
        d.forEach((k, v) -> out.put(k, plainValue(v)));
        return out;
    }

    private static Object plainValue(Object v) {
        if (v instanceof Document d) {
            return plain(d);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(LedgerDocuments::plainValue).toList();
        }
        if (v instanceof org.bson.types.Decimal128 d) {
            return d.bigDecimalValue();
        }
        return v;
    }

    // ------------------------------------------------------------------ ledger documents

    /**
     * The documents of {@code after} that differ from {@code before} (records or open marks compare by value), in
     * the stored shape, each with its open mark: what a rebuild writes (from an empty state: every document). The
     * intake does not compare states: it writes what the ledger reports ({@link #toDocuments}). The ledger never
     * removes a document.
     */
    static java.util.Collection<Document> changed(LedgerState before, LedgerState after) {
        Map<String, Object> old = records(before);
        Map<String, Document> out = new LinkedHashMap<>();
        records(after).forEach((key, record) -> {
            CustomerLedger.OpenMark mark = after.marks().get(key);
            if (!record.equals(old.get(key)) || !Objects.equals(mark, before.marks().get(key))) {
                Document d = toDocument(after.customerId(), key, record);
                marked(d, mark);
                out.put(d.getString(ID), d);
            }
        });
        return out.values();
    }

    /**
     * Ledger documents (orders, shipments, invoices, payments, promises) that a batch wrote
     * ({@link CustomerLedger#takeWritten()}), in the stored shape, each with its open mark.
     */
    static java.util.Collection<Document> toDocuments(String customerId,
                                                      java.util.Collection<CustomerLedger.WrittenDocument> written) {
        List<Document> out = new ArrayList<>(written.size());
        for (CustomerLedger.WrittenDocument w : written) {
            Document d = toDocument(customerId, w.record().getClass().getSimpleName(), w.record());
            marked(d, w.mark());
            out.add(d);
        }
        return out;
    }

    /**
     * A document's part in today's exposure ({@link CustomerLedger.OpenMark}), in the fields the exposure's
     * listing reads by index: {@code open} (its category), {@code openKey} ({@code yyyy-MM-dd|documentId}: its
     * date, then its id, for ranges by date and paging), {@code openAmount}; an invoice with a disputed part also
     * {@code disputedKey} and {@code disputedAmount}. A document with nothing open has none of them.
     */
    private static void marked(Document d, CustomerLedger.OpenMark mark) {
        if (mark == null) {
            return;
        }
        String key = day(mark.on()) + "|" + d.getString(DOCUMENT_ID);
        d.append(OPEN, mark.open()).append(OPEN_KEY, key).append(OPEN_AMOUNT, decimal128(mark.amount()));
        if (mark.disputed() != null) {
            d.append(DISPUTED_KEY, key).append(DISPUTED_AMOUNT, decimal128(mark.disputed()));
        }
    }

    private static Map<String, Object> records(LedgerState state) {
        Map<String, Object> out = new LinkedHashMap<>();
        state.orders().forEach(o -> out.put(Kind.ORDER + "|" + o.orderId(), o));
        state.shipments().forEach(s -> out.put(Kind.SHIPMENT + "|" + s.shipmentId(), s));
        state.invoices().forEach(i -> out.put(Kind.INVOICE + "|" + i.invoiceId(), i));
        state.payments().forEach(p -> out.put(Kind.PAYMENT + "|" + p.paymentId(), p));
        state.promises().forEach(p -> out.put(Kind.PROMISE + "|" + p.eventId(), p));
        return out;
    }

    private static Document toDocument(String customerId, String key, Object record) {
        Map<String, Document> one = new LinkedHashMap<>();
        if (record instanceof Order o) {
            put(one, customerId, Kind.ORDER, o.orderId(), order(o));
        } else if (record instanceof Shipment s) {
            put(one, customerId, Kind.SHIPMENT, s.shipmentId(), shipment(s));
        } else if (record instanceof Invoice i) {
            put(one, customerId, Kind.INVOICE, i.invoiceId(), invoice(i));
        } else if (record instanceof Payment p) {
            put(one, customerId, Kind.PAYMENT, p.paymentId(), payment(p));
        } else if (record instanceof Promise p) {
            put(one, customerId, Kind.PROMISE, p.eventId(), promise(p));
        } else {
            throw new IllegalArgumentException("not a ledger document: " + key);
        }
        return one.values().iterator().next();
    }

    private static void put(Map<String, Document> out, String customerId, Kind kind, String id, Document body) {
        Document d = new Document(ID, documentKey(customerId, kind, id)).append(SCHEMA, SCHEMA_VERSION)
                .append(CUSTOMER_ID, customerId).append(KIND, kind.name()).append(DOCUMENT_ID, id);
        d.putAll(body);
        out.put(d.getString(ID), d);
    }

    /** A ledger state from its stored documents and the fingerprints of its events. */
    static LedgerState toState(String customerId, String currency, Iterable<Document> documents,
                               Map<String, String> fingerprints) {
        List<Order> orders = new ArrayList<>();
        List<Shipment> shipments = new ArrayList<>();
        List<Invoice> invoices = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        List<Promise> promises = new ArrayList<>();
        for (Document d : documents) {
            switch (Kind.valueOf(d.getString(KIND))) {
                case ORDER -> orders.add(toOrder(d));
                case SHIPMENT -> shipments.add(toShipment(d));
                case INVOICE -> invoices.add(toInvoice(d));
                case PAYMENT -> payments.add(toPayment(d));
                case PROMISE -> promises.add(toPromise(d));
            }
        }
        return new LedgerState(customerId, currency, orders, shipments, invoices, payments, promises, fingerprints);
    }

    private static Document order(Order o) {
        return new Document("bookedOn", day(o.bookedOn()))
                .append("amounts", list(o.amounts(), a -> new Document("on", day(a.on())).append("amount", decimal128(a.amount()))))
                .append("deliveryOn", day(o.deliveryOn())).append("cancelledOn", day(o.cancelledOn()));
    }

    static Order toOrder(Document d) {
        return new Order(d.getString(DOCUMENT_ID), localDate(d.getString("bookedOn")),
                docs(d, "amounts", a -> new DatedAmount(localDate(a.getString("on")), bigDecimal(a.get("amount")))),
                localDate(d.getString("deliveryOn")), localDate(d.getString("cancelledOn")));
    }

    private static Document shipment(Shipment s) {
        return new Document("orderId", s.orderId()).append("shippedOn", day(s.shippedOn()))
                .append("amount", decimal128(s.amount())).append("complete", s.complete());
    }

    private static Shipment toShipment(Document d) {
        return new Shipment(d.getString(DOCUMENT_ID), d.getString("orderId"), localDate(d.getString("shippedOn")),
                bigDecimal(d.get("amount")), d.getBoolean("complete", false));
    }

    private static Document invoice(Invoice i) {
        return new Document("orderId", i.orderId()).append("shipmentId", i.shipmentId())
                .append("issuedOn", day(i.issuedOn())).append("dueOn", day(i.dueOn()))
                .append("amount", decimal128(i.amount()))
                .append("settlements", list(i.settlements(), s -> new Document("sourceId", s.sourceId())
                        .append("kind", s.kind().name()).append("on", day(s.on()))
                        .append("amount", decimal128(s.amount())).append("reversedOn", day(s.reversedOn()))))
                .append("disputes", list(i.disputes(), m -> new Document("eventId", m.eventId())
                        .append("on", day(m.on())).append("amount", decimal128(m.amount()))))
                .append("dunning", list(i.dunning(), s -> new Document("eventId", s.eventId())
                        .append("on", day(s.on())).append("level", s.level())));
    }

    private static Invoice toInvoice(Document d) {
        return new Invoice(d.getString(DOCUMENT_ID), d.getString("orderId"), d.getString("shipmentId"),
                localDate(d.getString("issuedOn")), localDate(d.getString("dueOn")), bigDecimal(d.get("amount")),
                docs(d, "settlements", s -> new Settlement(s.getString("sourceId"), SettlementKind.valueOf(s.getString("kind")),
                        localDate(s.getString("on")), bigDecimal(s.get("amount")), localDate(s.getString("reversedOn")))),
                docs(d, "disputes", m -> new DisputeMovement(m.getString("eventId"), localDate(m.getString("on")),
                        bigDecimal(m.get("amount")))),
                docs(d, "dunning", s -> new DunningStep(s.getString("eventId"), localDate(s.getString("on")),
                        s.getInteger("level"))));
    }

    private static Document payment(Payment p) {
        return new Document("receivedOn", day(p.receivedOn())).append("amount", decimal128(p.amount()))
                .append("applied", list(p.applied(), a -> new Document("invoiceId", a.invoiceId())
                        .append("on", day(a.on())).append("amount", decimal128(a.amount()))))
                .append("pending", list(p.pending(), a -> new Document("invoiceId", a.invoiceId())
                        .append("amount", decimal128(a.amount()))))
                .append("reversedOn", day(p.reversedOn()));
    }

    private static Payment toPayment(Document d) {
        return new Payment(d.getString(DOCUMENT_ID), localDate(d.getString("receivedOn")), bigDecimal(d.get("amount")),
                docs(d, "applied", a -> new Applied(a.getString("invoiceId"), localDate(a.getString("on")),
                        bigDecimal(a.get("amount")))),
                docs(d, "pending", a -> new Allocation(a.getString("invoiceId"), bigDecimal(a.get("amount")))),
                localDate(d.getString("reversedOn")));
    }

    private static Document promise(Promise p) {
        return new Document("madeOn", day(p.madeOn())).append("invoiceIds", p.invoiceIds())
                .append("promisedOn", day(p.promisedOn())).append("amount", decimal128(p.amount()));
    }

    private static Promise toPromise(Document d) {
        return new Promise(d.getString(DOCUMENT_ID), localDate(d.getString("madeOn")),
                d.getList("invoiceIds", String.class), localDate(d.getString("promisedOn")), bigDecimal(d.get("amount")));
    }

    private static <T> List<Document> list(List<T> items, Function<T, Document> map) {
        return items.stream().map(map).toList();
    }

    private static <T> List<T> docs(Document d, String field, Function<Document, T> map) {
        return d.getList(field, Document.class, List.of()).stream().map(map).toList();
    }

    /** A reservation of an approved order check, kept on the position until it is booked, cancelled or expires. */
    record Reservation(ApprovedOrderCheck check, Instant expiresAt) {
    }

    /** A position as stored; {@code pending} is the batch being written out, or null. */
    record Position(String customerId, String currency, long version, long ledgerVersion, RunningTotals totals,
                    List<Reservation> reservations, Document pending) {
    }

    /** An accepted event as stored. */
    record AcceptedEvent(String eventId, String customerId, long ledgerVersion, int index, String type,
                         LocalDate occurredOn, Instant receivedAt, String fingerprint, Map<String, Object> wire) {
    }
}
