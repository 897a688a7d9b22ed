package io.encours.service.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The ledger through its API on the embedded store: events of every type, out of order, duplicates, one bad
 * event in a batch, unknown customer, wrong currency, exposure as of a past date and today (equal to the
 * running totals), rebuild and check with zero drift, the CSV import, concurrent reservations, a crash after
 * the commit point and two service instances on one store.
 */
class LedgerApiTest extends FullStackTest {
    private static final String ERP_FEED_KEY = "test-erp-feed-key";
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    @Autowired
    Ledger ledger;
    @Autowired
    LedgerStore store;
    @Autowired
    io.encours.service.account.CreditAccounts accounts;
    @Autowired
    LedgerProperties properties;
    @Autowired
    java.time.Clock clock;

    private TestApi feed() {
        return api().withApiKey(ERP_FEED_KEY);
    }

    private TestApi manager() {
        return api().as("manager", "secret-manager");
    }

    private LocalDate today() {
        return ledger.today();
    }

    /** A fresh customer with an account in EUR and a limit of 50,000 (insured 40,000). */
    private String newCustomer() {
        String id = "LEDGER-" + CUSTOMERS.incrementAndGet() + "-" + System.nanoTime() % 100000;
        String body = """
                {"customerId": "%s", "name": "Ateliers Dupont SAS", "country": "FR", "sector": "MANUFACTURING",
                 "legalForm": "SAS", "currency": "EUR", "standardTermsDays": 30,
                 "internalLimit": {"amount": 50000, "validFrom": "2020-01-01"},
                 "cover": {"insurer": "Allianz Trade", "insuredAmount": 40000, "coveragePercent": 90,
                           "validFrom": "2020-01-01", "maxPaymentTermDays": 90, "notificationDelayDays": 30}}
                """.formatted(id);
        TestApi.Response created = manager().post("/api/v1/accounts", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return id;
    }

    private String event(String id, String type, String customer, LocalDate on, String fields) {
        return "{\"eventId\": \"" + id + "\", \"type\": \"" + type + "\", \"customerId\": \"" + customer
                + "\", \"occurredOn\": \"" + on + "\", \"currency\": \"EUR\"" + (fields.isEmpty() ? "" : ", " + fields) + "}";
    }

    private JsonNode send(String... events) {
        TestApi.Response answer = feed().post("/api/v1/ledger/events", "[" + String.join(",", events) + "]");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode exposure(String customer, LocalDate asOf) {
        TestApi.Response answer = manager().get("/api/v1/accounts/" + customer + "/exposure"
                + (asOf == null ? "" : "?asOf=" + asOf));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static BigDecimal amount(JsonNode exposure, String category) {
        return exposure.get("categories").get(category).decimalValue();
    }

    private static List<String> outcomes(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("events").forEach(e -> out.add(e.get("outcome").asString()));
        return out;
    }

    /** Today's figures equal the running totals the position keeps, category by category. */
    private static void assertAgreesWithRunningTotals(JsonNode exposure) {
        JsonNode totals = exposure.get("runningTotals");
        assertThat(amount(exposure, "OPEN_ORDERS").add(amount(exposure, "OPEN_ORDERS_BEYOND_HORIZON")))
                .isEqualByComparingTo(totals.get("openOrders").decimalValue());
        assertThat(amount(exposure, "SHIPPED_NOT_INVOICED")).isEqualByComparingTo(totals.get("shippedNotInvoiced").decimalValue());
        assertThat(amount(exposure, "OPEN_INVOICES_NOT_DUE").add(amount(exposure, "OVERDUE")))
                .isEqualByComparingTo(totals.get("openInvoices").decimalValue());
        assertThat(amount(exposure, "DISPUTED")).isEqualByComparingTo(totals.get("disputed").decimalValue());
        assertThat(amount(exposure, "UNALLOCATED_CASH")).isEqualByComparingTo(totals.get("unallocatedCash").decimalValue());
    }

    @Test
    void everyEventTypeIsAcceptedThroughTheApiAndTheExposureExplainsItself() {
        String c = newCustomer();
        LocalDate d = today().minusDays(60);
        JsonNode answer = send(
                event(c + "-1", "ORDER_BOOKED", c, d, "\"orderId\": \"SO-1\", \"amount\": 12000.00, \"deliveryOn\": \"" + d.plusDays(10) + "\""),
                event(c + "-2", "ORDER_CHANGED", c, d.plusDays(1), "\"orderId\": \"SO-1\", \"amount\": \"11000.00\""),
                event(c + "-3", "ORDER_SHIPPED", c, d.plusDays(2), "\"orderId\": \"SO-1\", \"shipmentId\": \"DL-1\", \"amount\": 5000"),
                event(c + "-4", "INVOICE_ISSUED", c, d.plusDays(3), "\"invoiceId\": \"INV-1\", \"orderId\": \"SO-1\", \"shipmentId\": \"DL-1\", \"amount\": 6000, \"termsDays\": 30"),
                event(c + "-5", "CREDIT_NOTE", c, d.plusDays(4), "\"creditNoteId\": \"CN-1\", \"invoiceId\": \"INV-1\", \"amount\": 200"),
                event(c + "-6", "DISPUTE_OPENED", c, d.plusDays(5), "\"invoiceId\": \"INV-1\", \"amount\": 450"),
                event(c + "-7", "DISPUTE_RESOLVED", c, d.plusDays(6), "\"invoiceId\": \"INV-1\", \"amount\": 150"),
                event(c + "-8", "PROMISE_TO_PAY", c, d.plusDays(7), "\"invoiceIds\": [\"INV-1\"], \"promisedOn\": \"" + d.plusDays(40) + "\", \"amount\": 1000"),
                event(c + "-9", "DUNNING_STEP_SENT", c, d.plusDays(35), "\"invoiceId\": \"INV-1\", \"level\": 1"),
                event(c + "-10", "PAYMENT_RECEIVED", c, d.plusDays(36), "\"paymentId\": \"PAY-1\", \"amount\": 1500, \"allocations\": [{\"invoiceId\": \"INV-1\", \"amount\": 1000}]"),
                event(c + "-11", "PAYMENT_REVERSED", c, d.plusDays(37), "\"paymentId\": \"PAY-1\", \"reason\": \"insufficient funds\""),
                event(c + "-12", "WRITE_OFF", c, d.plusDays(38), "\"invoiceId\": \"INV-1\", \"amount\": 100"),
                event(c + "-13", "ORDER_BOOKED", c, d.plusDays(39), "\"orderId\": \"SO-2\", \"amount\": 700"),
                event(c + "-14", "ORDER_CANCELLED", c, d.plusDays(40), "\"orderId\": \"SO-2\""));
        assertThat(outcomes(answer)).as(answer.toString()).containsOnly("ACCEPTED");
        assertThat(answer.get("accepted").asInt()).isEqualTo(14);

        JsonNode today = exposure(c, null);
        // SO-1: 11,000 booked, 6,000 invoiced (more than the 5,000 shipped): 5,000 still open, nothing shipped not invoiced
        assertThat(amount(today, "OPEN_ORDERS")).isEqualByComparingTo("5000");
        assertThat(amount(today, "SHIPPED_NOT_INVOICED")).isEqualByComparingTo("0");
        // INV-1: 6,000 - 200 credit note - 100 written off (the payment was reversed), due d+33: overdue today
        assertThat(amount(today, "OVERDUE")).isEqualByComparingTo("5700");
        assertThat(amount(today, "DISPUTED")).isEqualByComparingTo("300");
        assertThat(amount(today, "UNALLOCATED_CASH")).isEqualByComparingTo("0");
        assertThat(today.get("total").decimalValue()).isEqualByComparingTo("10700");
        assertThat(today.get("limit").decimalValue()).isEqualByComparingTo("50000");
        assertThat(today.get("insuredLimit").decimalValue()).isEqualByComparingTo("40000");
        assertThat(today.get("documents").get("OVERDUE").get(0).get("documentId").asString()).isEqualTo("INV-1");
        assertThat(today.get("behaviour").get("paymentIncidents12m").asInt()).isEqualTo(1);
        assertThat(today.get("behaviour").get("highestDunningLevel").asInt()).isEqualTo(1);
        assertAgreesWithRunningTotals(today);

        // as of the day after the invoice: open order 5,000, invoice 6,000 not yet due
        JsonNode past = exposure(c, d.plusDays(3));
        assertThat(amount(past, "OPEN_INVOICES_NOT_DUE")).isEqualByComparingTo("6000");
        assertThat(amount(past, "OPEN_ORDERS")).isEqualByComparingTo("5000");
        assertThat(past.get("runningTotals").isNull()).isTrue();

        JsonNode events = manager().get("/api/v1/accounts/" + c + "/ledger/events?limit=10").json();
        assertThat(events.get("events")).hasSize(10);
        assertThat(events.get("events").get(0).get("eventId").asString()).isEqualTo(c + "-1");
        JsonNode rest = manager().get("/api/v1/accounts/" + c + "/ledger/events?limit=10&after="
                + events.get("next").asString()).json();
        assertThat(rest.get("events")).hasSize(4);
        assertThat(rest.get("next").isNull()).isTrue();
    }

    @Test
    void aPaymentBeforeItsInvoiceWaitsOnAccountAndIsAllocatedWhenTheInvoiceArrives() {
        String c = newCustomer();
        LocalDate d = today().minusDays(10);
        send(event(c + "-pay", "PAYMENT_RECEIVED", c, d.plusDays(2),
                "\"paymentId\": \"PAY-9\", \"amount\": 800, \"allocations\": [{\"invoiceId\": \"INV-9\", \"amount\": 800}]"));
        assertThat(amount(exposure(c, null), "UNALLOCATED_CASH")).isEqualByComparingTo("800");
        // a shipment of an order not known yet counts as shipped not invoiced at once
        send(event(c + "-ship", "ORDER_SHIPPED", c, d, "\"orderId\": \"SO-9\", \"shipmentId\": \"DL-9\", \"amount\": 1000"));
        assertThat(amount(exposure(c, null), "SHIPPED_NOT_INVOICED")).isEqualByComparingTo("1000");

        JsonNode answer = send(event(c + "-inv", "INVOICE_ISSUED", c, d.plusDays(1),
                        "\"invoiceId\": \"INV-9\", \"shipmentId\": \"DL-9\", \"amount\": 1000, \"termsDays\": 30"),
                event(c + "-order", "ORDER_BOOKED", c, d.minusDays(1), "\"orderId\": \"SO-9\", \"amount\": 1000"));
        assertThat(outcomes(answer)).containsOnly("ACCEPTED");
        JsonNode today = exposure(c, null);
        assertThat(amount(today, "UNALLOCATED_CASH")).isEqualByComparingTo("0");
        assertThat(amount(today, "OPEN_INVOICES_NOT_DUE")).isEqualByComparingTo("200");
        assertThat(amount(today, "SHIPPED_NOT_INVOICED")).isEqualByComparingTo("0");
        assertThat(amount(today, "OPEN_ORDERS")).isEqualByComparingTo("0");
        assertAgreesWithRunningTotals(today);
    }

    @Test
    void theSameEventAgainIsADuplicateAndTheSameIdWithOtherContentIsRejected() {
        String c = newCustomer();
        String booked = event(c + "-1", "ORDER_BOOKED", c, today(), "\"orderId\": \"SO-1\", \"amount\": 100");
        assertThat(outcomes(send(booked))).containsExactly("ACCEPTED");
        // same content, other field order and number form
        String again = "{\"amount\": \"100.00\", \"orderId\": \"SO-1\", \"currency\": \"EUR\", \"occurredOn\": \""
                + today() + "\", \"customerId\": \"" + c + "\", \"type\": \"ORDER_BOOKED\", \"eventId\": \"" + c + "-1\"}";
        JsonNode answer = send(again, event(c + "-1", "ORDER_BOOKED", c, today(), "\"orderId\": \"SO-1\", \"amount\": 999"));
        assertThat(outcomes(answer)).containsExactly("DUPLICATE", "REJECTED");
        assertThat(answer.get("events").get(1).get("problems").get(0).get("field").asString()).isEqualTo("eventId");
        assertThat(amount(exposure(c, null), "OPEN_ORDERS")).isEqualByComparingTo("100");
        // an event id of another customer's event is refused for this one
        String other = newCustomer();
        JsonNode stolen = send(event(c + "-1", "ORDER_BOOKED", other, today(), "\"orderId\": \"SO-1\", \"amount\": 100"));
        assertThat(outcomes(stolen)).containsExactly("REJECTED");
        assertThat(amount(exposure(other, null), "OPEN_ORDERS")).isEqualByComparingTo("0");
    }

    @Test
    void oneBadEventInABatchIsRejectedAloneWithItsFieldAndChangesNothing() {
        String c = newCustomer();
        LocalDate d = today().minusDays(5);
        JsonNode answer = send(
                event(c + "-1", "INVOICE_ISSUED", c, d, "\"invoiceId\": \"INV-1\", \"orderId\": null, \"amount\": 500, \"dueOn\": \"" + d.plusDays(30) + "\""),
                event(c + "-2", "CREDIT_NOTE", c, d, "\"creditNoteId\": \"CN-1\", \"invoiceId\": \"INV-1\", \"amount\": 900"),
                event(c + "-3", "ORDER_BOOKED", c, d, "\"orderId\": \"SO-1\", \"amount\": -5"),
                "{\"eventId\": \"" + c + "-4\"}",
                event(c + "-5", "ORDER_BOOKED", c, d, "\"orderId\": \"SO-2\", \"amount\": 300"));
        assertThat(outcomes(answer)).containsExactly("ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "ACCEPTED");
        assertThat(answer.get("events").get(2).get("problems").get(0).get("field").asString()).isEqualTo("amount");
        assertThat(answer.get("events").get(3).get("eventId").asString()).isEqualTo(c + "-4");
        JsonNode today = exposure(c, null);
        assertThat(amount(today, "OPEN_INVOICES_NOT_DUE")).isEqualByComparingTo("500");
        assertThat(amount(today, "OPEN_ORDERS")).isEqualByComparingTo("300");
        assertAgreesWithRunningTotals(today);
        // the rejected credit note may be sent again, corrected, under its id
        assertThat(outcomes(send(event(c + "-2", "CREDIT_NOTE", c, d,
                "\"creditNoteId\": \"CN-1\", \"invoiceId\": \"INV-1\", \"amount\": 90")))).containsExactly("ACCEPTED");
    }

    @Test
    void anEventOfAnUnknownCustomerOrInAnotherCurrencyOrTooFarInTheFutureIsRejected() {
        String c = newCustomer();
        JsonNode answer = send(
                event("UNKNOWN-1", "ORDER_BOOKED", "NO-SUCH-CUSTOMER", today(), "\"orderId\": \"SO-1\", \"amount\": 100"),
                event(c + "-usd", "ORDER_BOOKED", c, today(), "\"orderId\": \"SO-1\", \"amount\": 100").replace("EUR", "USD"),
                event(c + "-future", "ORDER_BOOKED", c, today().plusDays(properties.futureToleranceDays() + 1),
                        "\"orderId\": \"SO-2\", \"amount\": 100"),
                event(c + "-tomorrow", "ORDER_BOOKED", c, today().plusDays(1), "\"orderId\": \"SO-3\", \"amount\": 100"));
        assertThat(outcomes(answer)).containsExactly("REJECTED", "REJECTED", "REJECTED", "ACCEPTED");
        assertThat(answer.get("events").get(0).get("problems").get(0).get("field").asString()).isEqualTo("customerId");
        assertThat(answer.get("events").get(1).get("problems").get(0).get("field").asString()).isEqualTo("currency");
        assertThat(answer.get("events").get(2).get("problems").get(0).get("field").asString()).isEqualTo("occurredOn");
        assertThat(mongo.getCollection(LedgerDocuments.POSITIONS).countDocuments(new Document("_id", "NO-SUCH-CUSTOMER"))).isZero();
    }

    @Test
    void aBatchLargerThanTheDocumentedSizeIsRefusedWhole() {
        String one = event("X", "ORDER_BOOKED", "C", today(), "\"orderId\": \"SO\", \"amount\": 1");
        String body = "[" + String.join(",", java.util.Collections.nCopies(properties.maxBatchSize() + 1, one)) + "]";
        TestApi.Response answer = feed().post("/api/v1/ledger/events", body);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("type").asString()).isEqualTo(LedgerProblems.BATCH_TOO_LARGE);
    }

    @Test
    void rebuildAndCheckFindZeroDriftAndACheckReportsAndFixesAPlantedOne() {
        String c = newCustomer();
        LocalDate d = today().minusDays(40);
        send(event(c + "-1", "ORDER_BOOKED", c, d, "\"orderId\": \"SO-1\", \"amount\": 1000"),
                event(c + "-2", "INVOICE_ISSUED", c, d.plusDays(1), "\"invoiceId\": \"INV-1\", \"orderId\": \"SO-1\", \"amount\": 1000, \"termsDays\": 30"),
                event(c + "-3", "PAYMENT_RECEIVED", c, d.plusDays(20), "\"paymentId\": \"P-1\", \"amount\": 1200, \"allocations\": [{\"invoiceId\": \"INV-1\", \"amount\": 400}]"));
        TestApi.Response rebuilt = manager().post("/api/v1/accounts/" + c + "/rebuild", "");
        assertThat(rebuilt.status()).as(rebuilt.text()).isEqualTo(200);
        assertThat(rebuilt.json().get("events").asInt()).isEqualTo(3);
        assertThat(rebuilt.json().get("fixed").asBoolean()).isFalse();
        assertThat(rebuilt.json().get("drift").get("openInvoices").decimalValue()).isZero();

        TestApi.Response check = manager().post("/api/v1/ledger/checks", "");
        assertThat(check.status()).as(check.text()).isEqualTo(200);
        assertThat(check.json().get("withDrift").asInt()).isZero();

        // plant a drift: the running totals say 1 more open invoice amount than the events make
        mongo.getCollection(LedgerDocuments.POSITIONS).updateOne(new Document("_id", c),
                new Document("$set", new Document("totals.openInvoices", new org.bson.types.Decimal128(new BigDecimal("601")))));
        JsonNode found = manager().post("/api/v1/ledger/checks", "").json();
        assertThat(found.get("withDrift").asInt()).isEqualTo(1);
        assertThat(found.get("drifts").get(0).get("customerId").asString()).isEqualTo(c);
        assertThat(found.get("drifts").get(0).get("drift").get("openInvoices").decimalValue()).isEqualByComparingTo("1");
        JsonNode fixed = manager().post("/api/v1/ledger/checks?fix=true", "").json();
        assertThat(fixed.get("drifts").get(0).get("fixed").asBoolean()).isTrue();
        assertThat(manager().post("/api/v1/ledger/checks", "").json().get("withDrift").asInt()).isZero();
        assertAgreesWithRunningTotals(exposure(c, null));
    }

    private TestApi.Response importCsv(String csv, String query) {
        return feed().send(HttpRequest.newBuilder(URI.create(feed().url("/api/v1/ledger/imports/invoices?" + query)))
                .POST(HttpRequest.BodyPublishers.ofString(csv)), "Content-Type", "text/csv");
    }

    @Test
    void anInvoiceExportIsImportedWithItsBadLineReportedAndImportingItAgainChangesNothing() {
        String c = "IMP-" + System.nanoTime() % 1000000;
        String csv = """
                countryCode,customerID,PaperlessDate,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,SettledDate
                391,%1$s,4/6/2013,%1$s-A,1/2/2013,2/1/2013,55.94,No,1/15/2013
                391,%1$s,4/6/2013,%1$s-B,1/26/2013,2/25/2013,61.74,Yes,3/3/2013
                391,%1$s,4/6/2013,%1$s-C,2/10/2013,3/12/2013,105.92,No,
                391,%1$s,4/6/2013,%1$s-D,13/45/2013,3/12/2013,10.00,No,
                391,%1$s,4/6/2013,%1$s-E,2/11/2013,3/13/2013,not-money,No,
                """.formatted(c);
        String query = "customerId=customerID&invoiceId=invoiceNumber&issuedOn=InvoiceDate&dueOn=DueDate"
                + "&amount=InvoiceAmount&paidOn=SettledDate&disputed=Disputed&dateFormat=M/d/yyyy&currency=EUR"
                + "&createAccounts=true";
        TestApi.Response first = importCsv(csv, query);
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        JsonNode report = first.json();
        assertThat(report.get("imported").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        assertThat(report.get("accountsCreated").asInt()).isEqualTo(1);
        assertThat(report.get("rejections").get(0).get("line").asInt()).isEqualTo(5);
        assertThat(report.get("rejections").get(0).get("field").asString()).isEqualTo("issuedOn");
        assertThat(report.get("rejections").get(1).get("line").asInt()).isEqualTo(6);
        assertThat(report.get("rejections").get(1).get("field").asString()).isEqualTo("amount");

        JsonNode today = exposure(c, null);
        assertThat(amount(today, "OVERDUE")).isEqualByComparingTo("105.92");
        // on 2013-02-01 A was paid, B (disputed) and C were open and not due
        JsonNode then = exposure(c, LocalDate.of(2013, 2, 11));
        assertThat(amount(then, "OPEN_INVOICES_NOT_DUE")).isEqualByComparingTo("167.66");
        assertThat(amount(then, "DISPUTED")).isEqualByComparingTo("61.74");

        JsonNode again = importCsv(csv, query).json();
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);
        assertThat(again.get("accountsCreated").asInt()).isZero();
        assertThat(manager().get("/api/v1/accounts/" + c + "/ledger/events?limit=100").json().get("events")).hasSize(6);

        // a snapshot of the open items that no longer lists C closes it by an explicit event, not a payment
        String snapshot = """
                customerID,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,SettledDate
                %1$s,%1$s-A,1/2/2013,2/1/2013,55.94,1/15/2013
                """.formatted(c);
        JsonNode reconciled = importCsv(snapshot, "customerId=customerID&invoiceId=invoiceNumber&issuedOn=InvoiceDate"
                + "&dueOn=DueDate&amount=InvoiceAmount&paidOn=SettledDate&dateFormat=M/d/yyyy&currency=EUR"
                + "&mode=snapshot&snapshotId=S-1&snapshotOn=" + today()).json();
        assertThat(reconciled.get("duplicates").asInt()).isEqualTo(1);
        assertThat(reconciled.get("closedBySnapshot")).hasSize(1);
        assertThat(reconciled.get("closedBySnapshot").get(0).get("invoiceId").asString()).isEqualTo(c + "-C");
        assertThat(reconciled.get("closedBySnapshot").get(0).get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(amount(exposure(c, null), "OVERDUE")).isEqualByComparingTo("0");
    }

    @Test
    void fiftyConcurrentReservationsAgainstOneLimitStayWithinIt() throws Exception {
        String c = newCustomer();
        send(event(c + "-1", "INVOICE_ISSUED", c, today(), "\"invoiceId\": \"INV-1\", \"orderId\": null, \"amount\": 20000, \"termsDays\": 30"));
        BigDecimal limit = new BigDecimal("50000");
        BigDecimal each = new BigDecimal("1000");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Boolean>> checks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String order = "SO-" + i;
            checks.add(() -> {
                while (true) {
                    CreditPositions.CreditPosition position = ledger.positionOf(c, today()).orElseThrow();
                    if (position.exposure().total().add(each).compareTo(limit) > 0) {
                        return false;
                    }
                    ApprovedOrderCheck check = new ApprovedOrderCheck("D-" + order, order, today(), each);
                    if (ledger.reserve(c, position.version(), check, Instant.now().plusSeconds(3600))) {
                        return true;
                    }
                }
            });
        }
        int approved = 0;
        try {
            for (Future<Boolean> result : pool.invokeAll(checks)) {
                approved += result.get() ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }
        assertThat(approved).isEqualTo(30);
        JsonNode today = exposure(c, null);
        assertThat(amount(today, "APPROVED_NOT_BOOKED")).isEqualByComparingTo("30000");
        assertThat(today.get("total").decimalValue()).isEqualByComparingTo(limit);
        // the ERP books one of the approved orders: its reservation ends, the order counts instead
        send(event(c + "-2", "ORDER_BOOKED", c, today(), "\"orderId\": \"SO-7\", \"amount\": 1000"));
        JsonNode after = exposure(c, null);
        assertThat(amount(after, "APPROVED_NOT_BOOKED")).isEqualByComparingTo("29000");
        assertThat(amount(after, "OPEN_ORDERS")).isEqualByComparingTo("1000");
    }

    @Test
    void aBatchCommittedButNotWrittenOutBeforeACrashIsCompletedByTheNextReader() {
        String c = newCustomer();
        send(event(c + "-1", "ORDER_BOOKED", c, today(), "\"orderId\": \"SO-1\", \"amount\": 100"));
        // what a crash leaves after the commit point: the position with its pending batch, nothing else
        LedgerDocuments.Position read = store.position(c, "EUR");
        CustomerLedger replica = CustomerLedger.restore(store.state(c, "EUR"));
        LedgerState before = replica.state();
        LedgerEvent invoice = LedgerEventParser.parse(Map.of("eventId", c + "-2", "type", "INVOICE_ISSUED",
                "customerId", c, "occurredOn", today().toString(), "currency", "EUR", "invoiceId", "INV-1",
                "orderId", "SO-1", "amount", new BigDecimal("100"), "termsDays", 30)).event();
        ApplyResult result = replica.apply(invoice, IntakeRules.of(today(), 3));
        assertThat(result.isAccepted()).isTrue();
        LedgerDocuments.AcceptedEvent accepted = new LedgerDocuments.AcceptedEvent(c + "-2", c, read.ledgerVersion() + 1,
                0, invoice.type(), today(), Instant.now(), result.fingerprint(), Map.of("eventId", c + "-2",
                "type", "INVOICE_ISSUED", "customerId", c, "occurredOn", today().toString(), "currency", "EUR",
                "invoiceId", "INV-1", "orderId", "SO-1", "amount", new BigDecimal("100"), "termsDays", 30));
        assertThat(store.commitOnly(read, read.totals().plus(result.delta()), List.of(accepted),
                LedgerDocuments.changed(before, replica.state()))).isTrue();
        assertThat(mongo.getCollection(LedgerDocuments.EVENTS).countDocuments(new Document("_id", c + "-2"))).isZero();

        // a second service instance (its own memory) reads the account: it completes the batch first
        Ledger other = new Ledger(store, accounts, properties, clock);
        CreditPositions.CreditPosition position = other.positionOf(c, today()).orElseThrow();
        assertThat(position.exposure().amount(ExposureCategory.OPEN_INVOICES_NOT_DUE)).isEqualByComparingTo("100");
        assertThat(position.exposure().amount(ExposureCategory.OPEN_ORDERS)).isEqualByComparingTo("0");
        assertThat(mongo.getCollection(LedgerDocuments.EVENTS).countDocuments(new Document("_id", c + "-2"))).isEqualTo(1);
        assertThat(mongo.getCollection(LedgerDocuments.POSITIONS).find(new Document("_id", c)).first()
                .containsKey(LedgerDocuments.PENDING)).isFalse();
        assertThat(ledger.rebuild(c, false).hasDrift()).isFalse();
        // and the same event sent again by the ERP (it had no answer) is a duplicate
        assertThat(outcomes(send(event(c + "-2", "INVOICE_ISSUED", c, today(),
                "\"invoiceId\": \"INV-1\", \"orderId\": \"SO-1\", \"amount\": 100, \"termsDays\": 30"))))
                .containsExactly("DUPLICATE");
    }

    @Test
    void twoServiceInstancesOnOneStoreSeeEachOthersEvents() {
        String c = newCustomer();
        Ledger other = new Ledger(store, accounts, properties, clock);
        LocalDate d = today().minusDays(3);
        // each instance keeps the ledger in memory; the other's writes move the position and invalidate it
        ledger.positionOf(c, today());
        other.positionOf(c, today());
        assertThat(ledger.record(List.of(wire(c + "-1", c, "SO-1", d))).get(0).outcome()).isEqualTo(ApplyResult.Outcome.ACCEPTED);
        assertThat(other.record(List.of(wire(c + "-2", c, "SO-2", d))).get(0).outcome()).isEqualTo(ApplyResult.Outcome.ACCEPTED);
        assertThat(ledger.record(List.of(wire(c + "-2", c, "SO-2", d))).get(0).outcome()).isEqualTo(ApplyResult.Outcome.DUPLICATE);
        assertThat(ledger.positionOf(c, today()).orElseThrow().exposure().amount(ExposureCategory.OPEN_ORDERS))
                .isEqualByComparingTo("200");
        assertThat(other.positionOf(c, today()).orElseThrow().exposure().amount(ExposureCategory.OPEN_ORDERS))
                .isEqualByComparingTo("200");
        assertThat(ledger.rebuild(c, false).hasDrift()).isFalse();
    }

    private static Map<String, Object> wire(String eventId, String customer, String order, LocalDate on) {
        return Map.of("eventId", eventId, "type", "ORDER_BOOKED", "customerId", customer, "occurredOn", on.toString(),
                "currency", "EUR", "orderId", order, "amount", new BigDecimal("100"));
    }
}
