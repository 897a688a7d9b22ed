package io.encours.service.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.account.CreditAccounts;
import io.encours.service.ledger.ApplyResult.Outcome;
import io.encours.service.ledger.Ledger.EventOutcome;
import io.encours.service.ledger.LedgerDocuments.AcceptedEvent;
import io.encours.service.ledger.LedgerDocuments.Position;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The intake of a batch that spans many customers, committed together ({@link LedgerStore#commitAll}): each
 * event's outcome is the one it would have had alone, exactly the accepted events are stored and counted, a
 * customer whose position moved is retried without the others, a crash between the steps is completed by the
 * next batch, and two instances writing the same customers at once lose nothing.
 */
class LedgerBatchIntakeTest extends FullStackTest {
    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    Ledger ledger;
    @Autowired
    LedgerStore store;
    @Autowired
    CreditAccounts accounts;
    @Autowired
    LedgerProperties properties;
    @Autowired
    Clock clock;

    private List<String> newCustomers(int n) {
        String run = "BATCH-" + RUN.incrementAndGet() + "-" + System.nanoTime() % 1000000;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(run + "-C" + i);
            accounts.openMinimal(run + "-C" + i, "EUR", "test");
        }
        return ids;
    }

    private static Map<String, Object> event(String id, String type, String customer, LocalDate on, Object... fields) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventId", id);
        e.put("type", type);
        e.put("customerId", customer);
        e.put("occurredOn", on.toString());
        e.put("currency", "EUR");
        for (int i = 0; i < fields.length; i += 2) {
            e.put((String) fields[i], fields[i + 1]);
        }
        return e;
    }

    private static Map<String, Object> booked(String id, String customer, LocalDate on, String order, String amount) {
        return event(id, "ORDER_BOOKED", customer, on, "orderId", order, "amount", new BigDecimal(amount));
    }

    private long storedEvents(String customer) {
        return mongo.getCollection(LedgerDocuments.EVENTS).countDocuments(new Document("customerId", customer));
    }

    private BigDecimal openOrders(Ledger instance, String customer) {
        return instance.positionOf(customer, ledger.today()).orElseThrow().exposure().amount(ExposureCategory.OPEN_ORDERS);
    }

    @Test
    void aBatchOverManyCustomersWithDuplicatesAndRejectionsCommitsExactlyTheAcceptedEvents() {
        List<String> cs = newCustomers(12);
        LocalDate d = ledger.today().minusDays(2);
        List<Map<String, Object>> first = new ArrayList<>();
        for (String c : cs) {
            first.add(booked(c + "-1", c, d, "SO-1", "100"));
        }
        assertThat(ledger.record(first)).extracting(EventOutcome::outcome).containsOnly(Outcome.ACCEPTED);

        String a = cs.get(0);
        String b = cs.get(1);
        List<Map<String, Object>> batch = new ArrayList<>();
        List<Outcome> expected = new ArrayList<>();
        // interleaved over every customer: a new order, the first event again, its id with other content
        for (String c : cs) {
            batch.add(booked(c + "-2", c, d, "SO-2", "250"));
            expected.add(Outcome.ACCEPTED);
        }
        for (String c : cs) {
            batch.add(booked(c + "-1", c, d, "SO-1", "100.00"));
            expected.add(Outcome.DUPLICATE);
            batch.add(booked(c + "-1", c, d, "SO-1", "999"));
            expected.add(Outcome.REJECTED);
        }
        // an id already stored for another customer; a new id sent for two customers in this batch
        batch.add(booked(a + "-1", b, d, "SO-3", "10"));
        expected.add(Outcome.REJECTED);
        batch.add(booked("SHARED-" + a, a, d, "SO-4", "40"));
        expected.add(Outcome.ACCEPTED);
        batch.add(booked("SHARED-" + a, b, d, "SO-4", "40"));
        expected.add(Outcome.REJECTED);
        // an invoice of a, issued in this batch, which b's payment may not be allocated to; a bad amount
        batch.add(event(a + "-inv", "INVOICE_ISSUED", a, d, "invoiceId", a + "/INV-1", "orderId", "SO-2",
                "amount", new BigDecimal("250"), "termsDays", 30));
        expected.add(Outcome.ACCEPTED);
        batch.add(event(b + "-pay", "PAYMENT_RECEIVED", b, d, "paymentId", "PAY-1", "amount", new BigDecimal("50"),
                "allocations", List.of(Map.of("invoiceId", a + "/INV-1", "amount", new BigDecimal("50")))));
        expected.add(Outcome.REJECTED);
        batch.add(booked(b + "-neg", b, d, "SO-5", "-5"));
        expected.add(Outcome.REJECTED);
        // and a customer without an account
        batch.add(booked("NOBODY-" + a, "NO-ACCOUNT-" + a, d, "SO-1", "10"));
        expected.add(Outcome.REJECTED);

        List<EventOutcome> outcomes = ledger.record(batch);
        assertThat(outcomes).extracting(EventOutcome::outcome).containsExactlyElementsOf(expected);
        for (int i = 0; i < outcomes.size(); i++) {
            assertThat(outcomes.get(i).index()).isEqualTo(i);
        }
        assertThat(outcomes.get(outcomes.size() - 3).problems().get(0).field()).isEqualTo("allocations[0].invoiceId");

        // stored and counted: exactly the accepted events, by a fresh instance reading the store
        Ledger other = new Ledger(store, accounts, properties, clock);
        for (String c : cs) {
            long extra = c.equals(a) ? 2 : 0;
            assertThat(storedEvents(c)).as(c).isEqualTo(2 + extra);
            assertThat(openOrders(other, c)).as(c).isEqualByComparingTo(c.equals(a) ? "140" : "350");
            assertThat(ledger.rebuild(c, false).hasDrift()).as(c).isFalse();
            assertThat(mongo.getCollection(LedgerDocuments.POSITIONS).find(new Document("_id", c)).first()
                    .containsKey(LedgerDocuments.PENDING)).isFalse();
        }
        assertThat(mongo.getCollection(LedgerDocuments.EVENTS).find(new Document("_id", "SHARED-" + a)).first()
                .getString("customerId")).isEqualTo(a);
        assertThat(mongo.getCollection(LedgerDocuments.POSITIONS).countDocuments(new Document("_id", "NO-ACCOUNT-" + a)))
                .isZero();
        // the same batch again changes nothing: what was accepted is now a duplicate
        List<EventOutcome> again = ledger.record(batch);
        assertThat(again.get(0).outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(again).extracting(EventOutcome::outcome).doesNotContain(Outcome.ACCEPTED);
        assertThat(storedEvents(a)).isEqualTo(4);
    }

    private Document stored(String customer, LedgerDocuments.Kind kind, String id) {
        return mongo.getCollection(LedgerDocuments.DOCUMENTS)
                .find(new Document("_id", LedgerDocuments.documentKey(customer, kind, id))).first();
    }

    @Test
    void aDocumentWhoseOpenMarkChangedIsWrittenMarkedThoughItsRecordDidNotAndTheTotalsAreFoldedOnToday() {
        String c = newCustomers(1).get(0);
        LocalDate d = ledger.today();
        assertThat(ledger.record(List.of(
                event(c + "-1", "ORDER_BOOKED", c, d, "orderId", "SO-1", "amount", new BigDecimal("1000"),
                        "deliveryOn", d.toString()),
                event(c + "-2", "ORDER_SHIPPED", c, d, "orderId", "SO-1", "shipmentId", "DL-1",
                        "amount", new BigDecimal("600"))))).extracting(EventOutcome::outcome).containsOnly(Outcome.ACCEPTED);
        Document shipment = stored(c, LedgerDocuments.Kind.SHIPMENT, "DL-1");
        assertThat(shipment.getString(LedgerDocuments.OPEN)).isEqualTo("SHIPMENT");
        assertThat(io.encours.service.storage.BsonValues.bigDecimal(shipment.get(LedgerDocuments.OPEN_AMOUNT)))
                .isEqualByComparingTo("600");
        assertThat(io.encours.service.storage.BsonValues.bigDecimal(
                stored(c, LedgerDocuments.Kind.ORDER, "SO-1").get(LedgerDocuments.OPEN_AMOUNT))).isEqualByComparingTo("400");
        // delivery due today: folded under UNDATED in the committed totals
        assertThat(store.position(c, "EUR").totals().openOrdersByDelivery()).containsOnlyKeys(RunningTotals.UNDATED);

        // the invoice of the shipment, in a later batch: the shipment's own record does not change, its mark does
        assertThat(ledger.record(List.of(event(c + "-3", "INVOICE_ISSUED", c, d, "invoiceId", "INV-1",
                "orderId", "SO-1", "shipmentId", "DL-1", "amount", new BigDecimal("600"), "termsDays", 30))))
                .extracting(EventOutcome::outcome).containsOnly(Outcome.ACCEPTED);
        Document rewritten = stored(c, LedgerDocuments.Kind.SHIPMENT, "DL-1");
        assertThat(rewritten.containsKey(LedgerDocuments.OPEN)).isFalse();
        assertThat(rewritten.containsKey(LedgerDocuments.OPEN_KEY)).isFalse();
        assertThat(rewritten.get("version", Number.class).longValue())
                .isGreaterThan(shipment.get("version", Number.class).longValue());
        assertThat(stored(c, LedgerDocuments.Kind.INVOICE, "INV-1").getString(LedgerDocuments.OPEN)).isEqualTo("INVOICE");

        Ledger.Read read = ledger.read(c, d, ExposureRules.DEFAULT, new Ledger.Listing(100, null, null)).orElseThrow();
        assertThat(read.fromTotals()).isTrue();
        assertThat(read.position().exposure().lines(ExposureCategory.SHIPPED_NOT_INVOICED)).isEmpty();
        assertThat(read.position().exposure().lines(ExposureCategory.OPEN_INVOICES_NOT_DUE))
                .extracting(ExposureLine::documentId).containsExactly("INV-1");
        assertThat(read.position().exposure().amount(ExposureCategory.OPEN_ORDERS)).isEqualByComparingTo("400");
        assertThat(ledger.rebuild(c, false).hasDrift()).isFalse();
    }

    @Test
    void aCommitWhosePositionMovedFailsAloneAndTheOthersAreWrittenOut() {
        List<String> cs = newCustomers(3);
        LocalDate d = ledger.today();
        Map<String, Position> read = store.positions(Map.of(cs.get(0), "EUR", cs.get(1), "EUR", cs.get(2), "EUR"));
        // another writer moves the second customer's position after it was read
        assertThat(ledger.reserve(cs.get(1), read.get(cs.get(1)).version(),
                new ApprovedOrderCheck("D-1", "SO-R", d, new BigDecimal("5")), Instant.now().plusSeconds(600))).isTrue();
        List<LedgerStore.Commit> commits = new ArrayList<>();
        for (String c : cs) {
            CustomerLedger replica = CustomerLedger.restore(store.state(c, "EUR"));
            LedgerEvent e = LedgerEventParser.parse(booked(c + "-x", c, d, "SO-X", "70")).event();
            ApplyResult result = replica.apply(e, IntakeRules.of(d, 3));
            Position p = read.get(c);
            commits.add(new LedgerStore.Commit(p, p.totals().plus(result.delta()),
                    List.of(new AcceptedEvent(c + "-x", c, p.ledgerVersion() + 1, 0, e.type(), d, Instant.now(),
                            result.fingerprint(), booked(c + "-x", c, d, "SO-X", "70"))),
                    LedgerDocuments.toDocuments(c, replica.takeWritten()), p.reservations()));
        }
        Set<String> committed = store.commitAll(commits, Instant.now());
        assertThat(committed).containsExactlyInAnyOrder(cs.get(0), cs.get(2));
        assertThat(storedEvents(cs.get(0))).isEqualTo(1);
        assertThat(storedEvents(cs.get(1))).isZero();
        assertThat(storedEvents(cs.get(2))).isEqualTo(1);
        assertThat(mongo.getCollection(LedgerDocuments.DOCUMENTS).countDocuments(
                new Document("_id", LedgerDocuments.documentKey(cs.get(1), LedgerDocuments.Kind.ORDER, "SO-X")))).isZero();
        // the refused one, sent again through the ledger, reads the moved position and goes through
        assertThat(ledger.record(List.of(booked(cs.get(1) + "-x", cs.get(1), d, "SO-X", "70"))).get(0).outcome())
                .isEqualTo(Outcome.ACCEPTED);
        assertThat(ledger.record(List.of(booked(cs.get(0) + "-x", cs.get(0), d, "SO-X", "70"))).get(0).outcome())
                .isEqualTo(Outcome.DUPLICATE);
        for (String c : cs) {
            assertThat(ledger.rebuild(c, false).hasDrift()).as(c).isFalse();
        }
    }

    @Test
    void batchesCommittedButHalfWrittenOutBeforeACrashAreCompletedByTheNextBatch() {
        List<String> cs = newCustomers(2);
        LocalDate d = ledger.today();
        List<LedgerDocuments.AcceptedEvent> first = new ArrayList<>();
        for (String c : cs) {
            Position read = store.position(c, "EUR");
            CustomerLedger replica = CustomerLedger.restore(store.state(c, "EUR"));
            LedgerState before = replica.state();
            List<AcceptedEvent> accepted = new ArrayList<>();
            RunningTotals totals = read.totals();
            for (int i = 1; i <= 2; i++) {
                Map<String, Object> wire = booked(c + "-" + i, c, d, "SO-" + i, "100");
                LedgerEvent e = LedgerEventParser.parse(wire).event();
                ApplyResult result = replica.apply(e, IntakeRules.of(d, 3));
                totals = totals.plus(result.delta());
                accepted.add(new AcceptedEvent(c + "-" + i, c, read.ledgerVersion() + 1, i - 1, e.type(), d,
                        Instant.now(), result.fingerprint(), wire));
            }
            assertThat(store.commitOnly(read, totals, accepted, LedgerDocuments.changed(before, replica.state()))).isTrue();
            first.add(accepted.get(0));
        }
        // the crash came after the first customer's first event was written out, before anything else
        mongo.getCollection(LedgerDocuments.EVENTS).insertOne(LedgerDocuments.toDocument(first.get(0)));

        // the next batch over both customers completes both pending batches first, then adds its own events
        List<EventOutcome> outcomes = ledger.record(List.of(booked(cs.get(0) + "-3", cs.get(0), d, "SO-3", "100"),
                booked(cs.get(1) + "-3", cs.get(1), d, "SO-3", "100"), booked(cs.get(0) + "-1", cs.get(0), d, "SO-1", "100")));
        assertThat(outcomes).extracting(EventOutcome::outcome)
                .containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.DUPLICATE);
        for (String c : cs) {
            assertThat(storedEvents(c)).as(c).isEqualTo(3);
            assertThat(openOrders(new Ledger(store, accounts, properties, clock), c)).isEqualByComparingTo("300");
            assertThat(ledger.rebuild(c, false).hasDrift()).as(c).isFalse();
        }
    }

    @Test
    void twoInstancesWritingTheSameCustomersAtOnceLoseNothing() throws Exception {
        List<String> cs = newCustomers(6);
        LocalDate d = ledger.today();
        Ledger other = new Ledger(store, accounts, properties, clock);
        int batches = 6;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<EventOutcome>>> answers = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                for (Ledger instance : List.of(ledger, other)) {
                    String prefix = (instance == ledger ? "A" : "B") + b;
                    List<Map<String, Object>> batch = new ArrayList<>();
                    for (String c : cs) {
                        batch.add(booked(c + "-" + prefix, c, d, "SO-" + prefix, "10"));
                    }
                    answers.add(pool.submit(() -> instance.record(batch)));
                }
            }
            for (Future<List<EventOutcome>> answer : answers) {
                assertThat(answer.get()).extracting(EventOutcome::outcome).containsOnly(Outcome.ACCEPTED);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String c : cs) {
            assertThat(storedEvents(c)).as(c).isEqualTo(2L * batches);
            assertThat(openOrders(ledger, c)).as(c).isEqualByComparingTo(BigDecimal.valueOf(20L * batches));
            assertThat(openOrders(other, c)).as(c).isEqualByComparingTo(BigDecimal.valueOf(20L * batches));
            assertThat(ledger.rebuild(c, false).hasDrift()).as(c).isFalse();
        }
    }
}
