package io.encours.service.collections;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dunning run through the API on the embedded store: a customer's open invoices, overdue, due soon,
 * disputed in whole or in part, under a pending promise; the run's worklist (grouped by step, charges, priority,
 * collector); every evaluation in the audit trail; a line marked done writes its steps into the ledger once; a
 * second run the same day changes nothing that was done; a later run moves on.
 */
class DunningRunApiTest extends FullStackTest {
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    @Autowired
    DunningRuns runs;

    private TestApi manager() {
        return api().as("manager", "secret-manager");
    }

    private TestApi feed() {
        return api().withApiKey("test-erp-feed-key");
    }

    private String newCustomer(String collector) {
        String id = "DUN-" + CUSTOMERS.incrementAndGet() + "-" + System.nanoTime() % 100000;
        TestApi.Response created = manager().post("/api/v1/accounts", """
                {"customerId": "%s", "name": "Ateliers Dupont SAS", "country": "FR", "sector": "MANUFACTURING",
                 "legalForm": "SAS", "currency": "EUR", "standardTermsDays": 30, "collector": "%s",
                 "internalLimit": {"amount": 50000, "validFrom": "2020-01-01"},
                 "assessment": {"score": 55, "riskClass": "C", "decisionId": "score-of-%s"}}
                """.formatted(id, collector, id));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return id;
    }

    private static String invoice(String c, String n, LocalDate issued, LocalDate due, String amount) {
        return event(c + "-" + n, "INVOICE_ISSUED", c, issued, "\"invoiceId\": \"" + c + "/" + n + "\", \"orderId\": \"SO-"
                + n + "\", \"amount\": " + amount + ", \"dueOn\": \"" + due + "\"");
    }

    private static String event(String id, String type, String customer, LocalDate on, String fields) {
        return "{\"eventId\": \"" + id + "\", \"type\": \"" + type + "\", \"customerId\": \"" + customer
                + "\", \"occurredOn\": \"" + on + "\", \"currency\": \"EUR\", " + fields + "}";
    }

    private void send(String... events) {
        TestApi.Response answer = feed().post("/api/v1/ledger/events", "[" + String.join(",", events) + "]");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("rejected").asInt()).as(answer.text()).isZero();
    }

    /** Starts a run (waiting for one in progress to end) and waits for its end; its progress is readable meanwhile. */
    private JsonNode run(LocalDate asOf) throws InterruptedException {
        TestApi.Response started;
        for (int i = 0; ; i++) {
            started = manager().post("/api/v1/collections/runs", "{\"asOf\": \"" + asOf + "\"}");
            if (started.status() != 409 || i > 600) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get("run").get("state").asString()).isEqualTo("RUNNING");
        String location = started.header("Location");
        assertThat(location).startsWith("/api/v1/collections/runs/");
        for (int i = 0; i < 1200; i++) {
            JsonNode run = api().as("auditor", "secret-auditor").get(location).json().get("run");
            if (!run.get("state").asString().equals("RUNNING")) {
                assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("FINISHED");
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not end: " + location);
    }

    private List<JsonNode> lines(LocalDate date, String customer) {
        TestApi.Response answer = api().as("auditor", "secret-auditor").get("/api/v1/collections/worklist?date=" + date);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        answer.json().get("lines").forEach(l -> {
            if (l.get("customerId").asString().equals(customer)) {
                mine.add(l);
            }
        });
        return mine;
    }

    private static JsonNode lineAt(List<JsonNode> lines, String action) {
        return lines.stream().filter(l -> l.get("action").asString().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " line in " + lines));
    }

    private static List<String> invoiceIds(JsonNode line) {
        List<String> ids = new ArrayList<>();
        line.get("invoices").forEach(i -> ids.add(i.get("invoiceId").asString()));
        return ids;
    }

    @Test
    void aRunListsTodaysStepsByCustomerAndStepAndADoneLineMovesTheNextRunOn() throws InterruptedException {
        LocalDate today = runs.today();
        String c = newCustomer("j.martin");
        send(invoice(c, "INV-1", today.minusDays(40), today.minusDays(15), "1000.00"),
                invoice(c, "INV-2", today.minusDays(35), today.minusDays(12), "2000.00"),
                invoice(c, "INV-3", today.minusDays(30), today.minusDays(5), "300.00"),
                invoice(c, "INV-4", today.minusDays(40), today.minusDays(15), "500.00"),
                invoice(c, "INV-5", today.minusDays(40), today.minusDays(15), "3000.00"),
                invoice(c, "INV-6", today.minusDays(20), today.plusDays(3), "700.00"),
                invoice(c, "INV-7", today.minusDays(2), today.plusDays(30), "900.00"),
                invoice(c, "INV-8", today.minusDays(40), today.minusDays(15), "800.00"),
                event(c + "-d4", "DISPUTE_OPENED", c, today.minusDays(10), "\"invoiceId\": \"" + c + "/INV-4\", \"amount\": 500"),
                event(c + "-d5", "DISPUTE_OPENED", c, today.minusDays(10), "\"invoiceId\": \"" + c + "/INV-5\", \"amount\": 1000"),
                event(c + "-p8", "PROMISE_TO_PAY", c, today.minusDays(3), "\"invoiceIds\": [\"" + c + "/INV-8\"], \"promisedOn\": \""
                        + today.plusDays(5) + "\", \"amount\": 800"));

        JsonNode first = run(today);
        assertThat(first.get("invoicesEvaluated").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(first.get("outcomes").toString()).contains("SUSPENDED", "WAIT");

        // A customer without payments is judged recurrently late: 12-15 days past due is the registered letter.
        List<JsonNode> lines = lines(today, c);
        assertThat(lines).extracting(l -> l.get("action").asString())
                .containsExactlyInAnyOrder("REGISTERED_LETTER", "PHONE_CALL", "PRE_DUE_REMINDER");
        JsonNode letter = lineAt(lines, "REGISTERED_LETTER");
        assertThat(invoiceIds(letter)).containsExactlyInAnyOrder(c + "/INV-1", c + "/INV-2", c + "/INV-5");
        assertThat(letter.get("assignee").asString()).isEqualTo("j.martin");
        assertThat(letter.get("state").asString()).isEqualTo("TO_DO");
        // the disputed part of INV-5 is not chased; INV-4, disputed in whole, and INV-8, under a promise, are not listed
        assertThat(letter.get("amount").decimalValue()).isEqualByComparingTo("5000.00");
        BigDecimal interest = BigDecimal.ZERO;
        for (JsonNode i : letter.get("invoices")) {
            assertThat(i.get("recoveryIndemnity").decimalValue()).isEqualByComparingTo("40");
            assertThat(i.get("lateInterest").decimalValue()).isPositive();
            // no rate stipulated: ECB rate of the half-year + 10 points, on the amount chased, per day late
            BigDecimal expected = i.get("amount").decimalValue().multiply(i.get("lateInterestRatePercent").decimalValue())
                    .multiply(BigDecimal.valueOf(i.get("daysPastDue").asLong()))
                    .divide(BigDecimal.valueOf(36500), 2, RoundingMode.HALF_EVEN);
            assertThat(i.get("lateInterest").decimalValue()).isEqualByComparingTo(expected);
            interest = interest.add(i.get("lateInterest").decimalValue());
            JsonNode decision = manager().get("/api/v1/decisions/" + i.get("decisionId").asString()).json();
            assertThat(decision.get("outcome").asString()).isEqualTo("DUN");
        }
        assertThat(letter.get("lateInterest").decimalValue()).isEqualByComparingTo(interest);
        assertThat(letter.get("recoveryIndemnity").decimalValue()).isEqualByComparingTo("120");
        // risk x amount: the account's class C weighs 3 in the default policy (dunning.priority.classWeight.C)
        assertThat(letter.get("riskClass").asString()).isEqualTo("C");
        assertThat(letter.get("priority").decimalValue()).isEqualByComparingTo("15000.00");
        JsonNode preDue = lineAt(lines, "PRE_DUE_REMINDER");
        assertThat(invoiceIds(preDue)).containsExactly(c + "/INV-6");
        assertThat(preDue.get("recoveryIndemnity").decimalValue()).isEqualByComparingTo("0");

        // Done: one DUNNING_STEP_SENT per invoice, written once however often it is marked
        String letterId = letter.get("id").asString();
        TestApi.Response done = api().as("analyst", "secret-analyst")
                .post("/api/v1/collections/worklist/" + letterId + "/state", "{\"state\": \"DONE\"}");
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.json().get("state").asString()).isEqualTo("DONE");
        JsonNode last = done.json().get("history").get(done.json().get("history").size() - 1);
        assertThat(last.get("by").asString()).isEqualTo("analyst");
        TestApi.Response again = manager().post("/api/v1/collections/worklist/" + letterId + "/state", "{\"state\": \"DONE\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/worklist-line-state");
        List<String> sent = new ArrayList<>();
        manager().get("/api/v1/accounts/" + c + "/ledger/events?limit=500").json().get("events").forEach(e -> {
            if (e.get("type").asString().equals("DUNNING_STEP_SENT")) {
                sent.add(e.get("eventId").asString());
            }
        });
        assertThat(sent).containsExactlyInAnyOrder("dunning:" + today + ":4:" + c + "/INV-1",
                "dunning:" + today + ":4:" + c + "/INV-2", "dunning:" + today + ":4:" + c + "/INV-5");

        // The pre-due reminder done: no ledger level 0, the line is the trace
        assertThat(manager().post("/api/v1/collections/worklist/" + preDue.get("id").asString() + "/state",
                "{\"state\": \"DONE\"}").status()).isEqualTo(200);
        // A skip needs its reason
        String phoneId = lineAt(lines, "PHONE_CALL").get("id").asString();
        TestApi.Response noReason = manager().post("/api/v1/collections/worklist/" + phoneId + "/state", "{\"state\": \"SKIPPED\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        // Second run the same day: what was done stays as it is, nothing listed twice
        run(today);
        List<JsonNode> after = lines(today, c);
        assertThat(after).hasSize(3);
        JsonNode letterAfter = lineAt(after, "REGISTERED_LETTER");
        assertThat(letterAfter.get("state").asString()).isEqualTo("DONE");
        assertThat(letterAfter.get("version").asLong()).isEqualTo(done.json().get("version").asLong());
        assertThat(lineAt(after, "PHONE_CALL").get("version").asLong())
                .isEqualTo(lineAt(lines, "PHONE_CALL").get("version").asLong());

        // Fourteen days later the registered letter (10 days to the next step) has run its course, and the invoices
        // are 26 to 29 days late: the next step is the formal notice
        LocalDate later = today.plusDays(14);
        run(later);
        List<JsonNode> next = lines(later, c);
        JsonNode notice = lineAt(next, "FORMAL_NOTICE");
        assertThat(invoiceIds(notice)).contains(c + "/INV-1", c + "/INV-2", c + "/INV-5");
        assertThat(next).noneMatch(l -> l.get("action").asString().equals("REGISTERED_LETTER")
                && invoiceIds(l).contains(c + "/INV-1"));
    }

    @Test
    void theDayAfterTheLetterItsInvoicesWaitForItToRunItsCourse() throws InterruptedException {
        LocalDate today = runs.today();
        String c = newCustomer("a.durand");
        send(invoice(c, "INV-1", today.minusDays(40), today.minusDays(15), "1000.00"));
        run(today);
        JsonNode letter = lineAt(lines(today, c), "REGISTERED_LETTER");
        assertThat(manager().post("/api/v1/collections/worklist/" + letter.get("id").asString() + "/state",
                "{\"state\": \"DONE\"}").status()).isEqualTo(200);

        run(today.plusDays(1));

        assertThat(lines(today.plusDays(1), c)).isEmpty();
    }

    @Test
    void aRunUnknownOrALineUnknownIsAProblemNamingIt() {
        TestApi.Response run = manager().get("/api/v1/collections/runs/no-such-run");
        assertThat(run.status()).isEqualTo(404);
        assertThat(run.json().get("type").asString()).isEqualTo("/problems/dunning-run-not-found");
        TestApi.Response line = manager().post("/api/v1/collections/worklist/no-such-line/state", "{\"state\": \"DONE\"}");
        assertThat(line.status()).isEqualTo(404);
        assertThat(line.json().get("type").asString()).isEqualTo("/problems/worklist-line-not-found");
        TestApi.Response late = manager().post("/api/v1/collections/runs", "{\"asOf\": \"1999-01-01\"}");
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
    }
}
