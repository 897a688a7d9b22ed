package io.encours.service.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Today's exposure through the API, answered from the position document alone (its running totals and one
 * indexed query per category for the documents behind the figures): equal, figure by figure and document by
 * document, to what the documents give on the same day; the documents paged per category; a drift planted in a
 * dated part of the stored totals reported by the check and fixed.
 */
class TodayFromRunningTotalsTest extends FullStackTest {
    private static final String ERP_FEED_KEY = "test-erp-feed-key";
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    @Autowired
    Ledger ledger;
    @Autowired
    LedgerStore store;

    private TestApi manager() {
        return api().as("manager", "secret-manager");
    }

    private String newCustomer() {
        String id = "TOTALS-" + CUSTOMERS.incrementAndGet() + "-" + System.nanoTime() % 100000;
        TestApi.Response created = manager().post("/api/v1/accounts", """
                {"customerId": "%s", "name": "Ateliers Dupont SAS", "country": "FR", "sector": "MANUFACTURING",
                 "legalForm": "SAS", "currency": "EUR", "standardTermsDays": 30,
                 "internalLimit": {"amount": 50000, "validFrom": "2020-01-01"}}
                """.formatted(id));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return id;
    }

    private static String event(String id, String type, String customer, LocalDate on, String fields) {
        fields = fields.replace("\"INV-", "\"" + customer + "/INV-");
        return "{\"eventId\": \"" + id + "\", \"type\": \"" + type + "\", \"customerId\": \"" + customer
                + "\", \"occurredOn\": \"" + on + "\", \"currency\": \"EUR\"" + (fields.isEmpty() ? "" : ", " + fields) + "}";
    }

    private void send(List<String> events) {
        TestApi.Response answer = api().withApiKey(ERP_FEED_KEY).post("/api/v1/ledger/events", "[" + String.join(",", events) + "]");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("rejected").asInt()).as(answer.text()).isZero();
    }

    private JsonNode get(String path) {
        TestApi.Response answer = manager().get(path);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    /** Events of every type, some out of order (a payment before its invoice, a shipment before its order). */
    private List<String> history(String c, LocalDate today) {
        LocalDate d = today.minusDays(70);
        return List.of(
                event(c + "-1", "ORDER_SHIPPED", c, d.plusDays(2), "\"orderId\": \"SO-1\", \"shipmentId\": \"DL-1\", \"amount\": 5000"),
                event(c + "-2", "ORDER_BOOKED", c, d, "\"orderId\": \"SO-1\", \"amount\": 12000.00, \"deliveryOn\": \"" + d.plusDays(10) + "\""),
                event(c + "-3", "ORDER_CHANGED", c, d.plusDays(1), "\"orderId\": \"SO-1\", \"amount\": \"11000.00\""),
                event(c + "-4", "PAYMENT_RECEIVED", c, d.plusDays(1), "\"paymentId\": \"PAY-0\", \"amount\": 900, \"allocations\": [{\"invoiceId\": \"INV-2\", \"amount\": 300}]"),
                event(c + "-5", "INVOICE_ISSUED", c, d.plusDays(3), "\"invoiceId\": \"INV-1\", \"orderId\": \"SO-1\", \"shipmentId\": \"DL-1\", \"amount\": 6000, \"termsDays\": 30"),
                event(c + "-6", "INVOICE_ISSUED", c, d.plusDays(4), "\"invoiceId\": \"INV-2\", \"orderId\": \"SO-8\", \"amount\": 800, \"dueOn\": \"" + today.plusDays(20) + "\""),
                event(c + "-7", "CREDIT_NOTE", c, d.plusDays(4), "\"creditNoteId\": \"CN-1\", \"invoiceId\": \"INV-1\", \"amount\": 200"),
                event(c + "-8", "DISPUTE_OPENED", c, d.plusDays(5), "\"invoiceId\": \"INV-1\", \"amount\": 450"),
                event(c + "-9", "DISPUTE_RESOLVED", c, d.plusDays(6), "\"invoiceId\": \"INV-1\", \"amount\": 150"),
                event(c + "-10", "PROMISE_TO_PAY", c, d.plusDays(7), "\"invoiceIds\": [\"INV-1\"], \"promisedOn\": \"" + d.plusDays(40) + "\", \"amount\": 1000"),
                event(c + "-11", "DUNNING_STEP_SENT", c, d.plusDays(35), "\"invoiceId\": \"INV-1\", \"level\": 2"),
                event(c + "-12", "PAYMENT_RECEIVED", c, d.plusDays(36), "\"paymentId\": \"PAY-1\", \"amount\": 1500, \"allocations\": [{\"invoiceId\": \"INV-1\", \"amount\": 1000}]"),
                event(c + "-13", "PAYMENT_REVERSED", c, d.plusDays(37), "\"paymentId\": \"PAY-1\", \"reason\": \"insufficient funds\""),
                event(c + "-14", "WRITE_OFF", c, d.plusDays(38), "\"invoiceId\": \"INV-1\", \"amount\": 100"),
                event(c + "-15", "ORDER_BOOKED", c, d.plusDays(39), "\"orderId\": \"SO-2\", \"amount\": 700"),
                event(c + "-16", "ORDER_CANCELLED", c, d.plusDays(40), "\"orderId\": \"SO-2\""),
                event(c + "-17", "ORDER_BOOKED", c, d.plusDays(41), "\"orderId\": \"SO-3\", \"amount\": 2500, \"deliveryOn\": \"" + today.plusDays(45) + "\""),
                event(c + "-18", "ORDER_SHIPPED", c, d.plusDays(42), "\"orderId\": \"SO-3\", \"shipmentId\": \"DL-3\", \"amount\": 400"),
                event(c + "-19", "INVOICE_ISSUED", c, d.plusDays(43), "\"invoiceId\": \"INV-3\", \"orderId\": \"SO-7\", \"amount\": 1200, \"dueOn\": \"" + d.plusDays(50) + "\""),
                event(c + "-20", "PAYMENT_RECEIVED", c, d.plusDays(60), "\"paymentId\": \"PAY-2\", \"amount\": 700, \"allocations\": [{\"invoiceId\": \"INV-3\", \"amount\": 700}]"),
                event(c + "-21", "PAYMENT_RECEIVED", c, d.plusDays(61), "\"paymentId\": \"PAY-3\", \"amount\": 250, \"allocations\": []"));
    }

    @Test
    void todaysExposureFromTheRunningTotalsEqualsTheDocumentsFigureByFigureAndDocumentByDocument() {
        String c = newCustomer();
        LocalDate today = ledger.today();
        send(history(c, today));

        JsonNode answer = get("/api/v1/accounts/" + c + "/exposure");
        assertThat(answer.get("source").asString()).isEqualTo("RUNNING_TOTALS");
        assertThat(answer.get("runningTotals").has("zero")).isFalse();
        CustomerLedger documents = CustomerLedger.restore(store.state(c, "EUR"));
        Exposure expected = documents.exposureAsOf(today, ExposureRules.DEFAULT, List.of());
        for (ExposureCategory category : ExposureCategory.values()) {
            assertThat(answer.get("categories").get(category.name()).decimalValue()).as(category.name())
                    .isEqualByComparingTo(expected.amount(category));
            Set<String> listed = new HashSet<>();
            answer.get("documents").get(category.name()).forEach(l -> listed.add(l.get("documentId").asString()
                    + "=" + l.get("amount").decimalValue().stripTrailingZeros().toPlainString()));
            Set<String> behind = new HashSet<>();
            expected.lines(category).forEach(l -> behind.add(l.documentId() + "=" + l.amount().stripTrailingZeros().toPlainString()));
            assertThat(listed).as(category.name()).isEqualTo(behind);
            assertThat(answer.get("documentCounts").get(category.name()).asLong()).isEqualTo(behind.size());
        }
        assertThat(answer.get("total").decimalValue()).isEqualByComparingTo(expected.total());
        assertThat(expected.amount(ExposureCategory.OVERDUE)).isPositive();
        assertThat(expected.amount(ExposureCategory.SHIPPED_NOT_INVOICED)).isPositive();
        assertThat(expected.amount(ExposureCategory.UNALLOCATED_CASH)).isPositive();

        PaymentBehaviour behaviour = documents.behaviourAsOf(today, ExposureRules.DEFAULT);
        JsonNode b = answer.get("behaviour");
        assertThat(b.get("overdueAmount").decimalValue()).isEqualByComparingTo(behaviour.overdueAmount());
        assertThat(b.get("overdueRatio").decimalValue()).isEqualByComparingTo(behaviour.overdueRatio());
        assertThat(b.get("oldestOverdueDays").asLong()).isEqualTo(behaviour.oldestOverdueDays());
        assertThat(b.get("highestDunningLevel").asInt()).isEqualTo(2).isEqualTo(behaviour.highestDunningLevel());
        assertThat(b.get("paymentIncidents12m").asInt()).isEqualTo(1).isEqualTo(behaviour.paymentIncidents12m());
        assertThat(b.get("averageDaysLate12m").decimalValue()).isEqualByComparingTo(behaviour.averageDaysLate12m());
        assertThat(b.get("brokenPromises").asInt()).isEqualTo(1).isEqualTo(behaviour.brokenPromises());
        assertThat(b.get("disputedAmount").decimalValue()).isEqualByComparingTo(behaviour.disputedAmount());

        // the order check's reading (positionOf today) is the same, from the position alone
        CreditPositions.CreditPosition position = ledger.positionOf(c, today).orElseThrow();
        assertThat(position.exposure().total()).isEqualByComparingTo(expected.total());
        assertThat(position.exposure().lines()).isEmpty();
        assertThat(position.behaviour().oldestOverdueDays()).isEqualTo(behaviour.oldestOverdueDays());

        // a past date is still answered from the documents' own dates
        assertThat(get("/api/v1/accounts/" + c + "/exposure?asOf=" + today.minusDays(30)).get("source").asString())
                .isEqualTo("DOCUMENTS");
    }

    @Test
    void theDocumentsBehindAFigureArePagedPerCategoryWithTheirCount() {
        String c = newCustomer();
        LocalDate today = ledger.today();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event(c + "-" + i, "INVOICE_ISSUED", c, today.minusDays(3), "\"invoiceId\": \"INV-" + i
                    + "\", \"orderId\": \"SO-9\", \"amount\": " + (100 + i) + ", \"dueOn\": \"" + today.plusDays(i % 2) + "\""));
        }
        send(events);
        JsonNode first = get("/api/v1/accounts/" + c + "/exposure?documents=2");
        assertThat(first.get("documentCounts").get("OPEN_INVOICES_NOT_DUE").asLong()).isEqualTo(5);
        assertThat(first.get("categories").get("OPEN_INVOICES_NOT_DUE").decimalValue()).isEqualByComparingTo("510");
        List<String> seen = new ArrayList<>();
        JsonNode page = first;
        while (true) {
            JsonNode lines = page.get("documents").get("OPEN_INVOICES_NOT_DUE");
            assertThat(lines.size()).isBetween(1, 2);
            lines.forEach(l -> seen.add(l.get("documentId").asString()));
            JsonNode next = page.get("next").get("OPEN_INVOICES_NOT_DUE");
            if (next == null || next.isNull()) {
                break;
            }
            page = get("/api/v1/accounts/" + c + "/exposure?documents=2&category=OPEN_INVOICES_NOT_DUE&after="
                    + java.net.URLEncoder.encode(next.asString(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.get("documents").get("OVERDUE")).isEmpty();
        }
        // by due date, then id: every invoice once
        assertThat(seen).containsExactly(c + "/INV-0", c + "/INV-2", c + "/INV-4", c + "/INV-1", c + "/INV-3");
    }

    @Test
    void aDriftPlantedInADatedPartOfTheStoredTotalsIsReportedAndFixed() {
        String c = newCustomer();
        LocalDate today = ledger.today();
        send(history(c, today));
        assertThat(ledger.rebuild(c, false).hasDrift()).isFalse();

        // the stored totals move an open invoice's amount to another due date: the sum is right, the split is not
        Document position = mongo.getCollection(LedgerDocuments.POSITIONS).find(new Document("_id", c)).first();
        Document totals = position.get(LedgerDocuments.TOTALS, Document.class);
        List<Document> byDue = new ArrayList<>(totals.getList("openInvoicesByDue", Document.class));
        Document first = byDue.get(0);
        byDue.set(0, new Document(first).append("on", today.plusDays(400).toString()));
        mongo.getCollection(LedgerDocuments.POSITIONS).updateOne(new Document("_id", c),
                new Document("$set", new Document("totals.openInvoicesByDue", byDue)));

        Ledger.Drift drift = ledger.rebuild(c, false);
        assertThat(drift.hasDrift()).isTrue();
        assertThat(drift.stored().equalsInAmount(drift.rebuilt())).isTrue();
        assertThat(drift.drift().openInvoicesByDue()).hasSize(2);
        JsonNode check = manager().post("/api/v1/ledger/checks", "").json();
        assertThat(check.get("drifts").findValuesAsString("customerId")).contains(c);

        TestApi.Response fixed = manager().post("/api/v1/accounts/" + c + "/rebuild", "");
        assertThat(fixed.json().get("fixed").asBoolean()).as(fixed.text()).isTrue();
        assertThat(ledger.rebuild(c, false).hasDrift()).isFalse();
        JsonNode answer = get("/api/v1/accounts/" + c + "/exposure");
        Exposure expected = CustomerLedger.restore(store.state(c, "EUR")).exposureAsOf(today, ExposureRules.DEFAULT, List.of());
        assertThat(answer.get("categories").get("OVERDUE").decimalValue()).isEqualByComparingTo(expected.amount(ExposureCategory.OVERDUE));
        assertThat(answer.get("total").decimalValue()).isEqualByComparingTo(expected.total());
        assertThat(new BigDecimal(answer.get("documentCounts").get("OVERDUE").asLong())).isPositive();
    }
}
