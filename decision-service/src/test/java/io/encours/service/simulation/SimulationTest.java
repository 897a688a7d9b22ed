package io.encours.service.simulation;

import static io.encours.service.JsonRequest.customerScore;
import static io.encours.service.JsonRequest.dunning;
import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.PolicyStamp;
import io.encours.rules.decision.Reason;
import io.encours.rules.model.DecisionType;
import io.encours.service.FullStackTest;
import io.encours.service.JsonRequest;
import io.encours.service.TestApi;
import io.encours.service.audit.AuditRecords;
import io.encours.service.audit.AuditTrail;
import io.encours.service.audit.DecisionIds;
import io.encours.service.policy.PolicyLifecycle;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Simulations over decisions recorded with known inputs and chosen recorded outcomes, so that the flips
 * are known: the default policy approves the standard order, reviews one over the limit and blocks one on a
 * blocked account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationTest extends FullStackTest {
    private static final String DAY = "2033-05-10";
    private static final String BIG_WINDOW_DAY = "2033-05-20";
    private static final int BIG_WINDOW = 2000;

    @Autowired
    AuditTrail trail;
    @Autowired
    PolicyLifecycle lifecycle;
    @Autowired
    Simulations simulations;

    private final List<String> flipped = new ArrayList<>();
    private String unreadable;

    @BeforeAll
    void recordAKnownDataSet() throws Exception {
        List<String> approved = List.of("RISK_CLASS_A", "ORDER_WITHIN_POLICY");
        record(at(DAY, 1), orderCheck(), "APPROVE", approved, "20000.00");
        record(at(DAY, 2), orderCheck(), "APPROVE", approved, "20000.00");
        flipped.add(record(at(DAY, 3), orderCheck().with("customer.creditAccount.status", "BLOCKED"), "APPROVE",
                approved, "20000.00"));
        flipped.add(record(at(DAY, 4), orderCheck().with("exposure.openInvoices", 70000).with("order.amount", 20001),
                "APPROVE", approved, "20001"));
        flipped.add(record(at(DAY, 5), orderCheck().with("exposure.openInvoices", 70000)
                .with("order.amount", new BigDecimal("25000.50")), "APPROVE", approved, "25000.50"));
        record(at(DAY, 6), customerScore(), "CREDIT_GRANTED", List.of("RISK_CLASS_A"), null);
        record(at(DAY, 7), dunning(), "DUN", List.of(), "5000.00");
        unreadable = record(at(DAY, 8), "{\"customer\":{\"id\":\"C-1000\"},\"order\":\"broken\"}",
                DecisionType.ORDER_CHECK, "APPROVE", approved, "10.00");
        // Just outside the window on both sides.
        record(Instant.parse(DAY + "T00:00:00Z").minusMillis(1), orderCheck(), "BLOCK", List.of(), "1.00");
        record(Instant.parse("2033-05-11T00:00:00Z"), orderCheck(), "BLOCK", List.of(), "1.00");

        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < BIG_WINDOW; i++) {
                Instant t = Instant.parse(BIG_WINDOW_DAY + "T00:00:00Z").plusMillis(i * 1000L);
                writes.add(writers.submit(() -> record(t, orderCheck(), "APPROVE", approved, "20000.00")));
            }
            for (Future<?> w : writes) {
                w.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private TestApi manager() {
        return api().as("manager", "secret-manager");
    }

    private JsonNode startAndFinish(String body) throws InterruptedException {
        TestApi.Response started = manager().post("/api/v1/simulations", body);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get("status").asString()).isEqualTo("RUNNING");
        String location = started.header("Location");
        assertThat(location).isEqualTo("/api/v1/simulations/" + started.json().get("id").asString());
        return awaitEnd(location);
    }

    private JsonNode awaitEnd(String location) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode s = manager().get(location).json();
            if (!s.get("status").asString().equals("RUNNING")) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("simulation still running after 60 s: " + location);
    }

    private String window(String day, String next) {
        return "\"version\":" + lifecycle.activeNumber() + ",\"from\":\"" + day + "T00:00:00Z\",\"to\":\"" + next
                + "T00:00:00Z\"";
    }

    @Test
    void the_result_counts_outcomes_before_and_after_flips_with_their_exposure_reasons_and_samples()
            throws InterruptedException {
        JsonNode done = startAndFinish("{" + window(DAY, "2033-05-11") + "}");

        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("startedBy").asString()).isEqualTo("manager");
        assertThat(done.get("finishedAt")).isNotNull();
        assertThat(done.get("progress").get("processed").asLong()).isEqualTo(8);
        assertThat(done.get("progress").get("total").asLong()).isEqualTo(8);
        assertThat(done.get("progress").get("percent").asInt()).isEqualTo(100);
        JsonNode result = done.get("result");
        assertThat(result.get("before").toString())
                .isEqualTo("{\"APPROVE\":5,\"CREDIT_GRANTED\":1,\"DUN\":1}");
        assertThat(result.get("after").toString())
                .isEqualTo("{\"APPROVE\":2,\"BLOCK\":1,\"CREDIT_GRANTED\":1,\"DUN\":1,\"REVIEW\":2}");
        assertThat(result.get("notEvaluated").asLong()).isEqualTo(1);
        JsonNode flips = result.get("flips");
        assertThat(flips).hasSize(2);
        assertThat(flips.get(0).get("type").asString()).isEqualTo("ORDER_CHECK");
        assertThat(flips.get(0).get("from").asString()).isEqualTo("APPROVE");
        assertThat(flips.get(0).get("to").asString()).isEqualTo("REVIEW");
        assertThat(flips.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(flips.get(0).get("exposure").decimalValue()).isEqualByComparingTo("45001.50");
        assertThat(flips.get(1).get("to").asString()).isEqualTo("BLOCK");
        assertThat(flips.get(1).get("count").asLong()).isEqualTo(1);
        assertThat(flips.get(1).get("exposure").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(result.get("flippedExposure").decimalValue()).isEqualByComparingTo("65001.50");
        assertThat(counts(result.get("reasonsAppeared"))).contains("CREDIT_LIMIT_EXCEEDED=2", "ACCOUNT_BLOCKED=1");
        assertThat(counts(result.get("reasonsDisappeared"))).contains("ORDER_WITHIN_POLICY=3");
        assertThat(result.get("samples").findValuesAsString("decisionId")).containsExactlyElementsOf(flipped);
        JsonNode sample = result.get("samples").get(1);
        assertThat(sample.get("before").asString()).isEqualTo("APPROVE");
        assertThat(sample.get("after").asString()).isEqualTo("REVIEW");
        assertThat(sample.get("customerId").asString()).isEqualTo("C-1000");
        assertThat(sample.get("amount").decimalValue()).isEqualByComparingTo("20001");
        assertThat(sample.get("link").asString()).isEqualTo("/api/v1/decisions/" + flipped.get(1));
        assertThat(result.get("samples").findValuesAsString("decisionId")).doesNotContain(unreadable);
    }

    @Test
    void types_narrow_the_simulation() throws InterruptedException {
        JsonNode done = startAndFinish("{" + window(DAY, "2033-05-11") + ",\"types\":[\"CUSTOMER_SCORE\",\"DUNNING\"]}");

        assertThat(done.get("types").toString()).isEqualTo("[\"CUSTOMER_SCORE\",\"DUNNING\"]");
        assertThat(done.get("result").get("before").toString()).isEqualTo("{\"CREDIT_GRANTED\":1,\"DUN\":1}");
        assertThat(done.get("result").get("flips")).isEmpty();
        assertThat(done.get("progress").get("total").asLong()).isEqualTo(2);
    }

    @Test
    void a_running_simulation_shows_its_progress_refuses_a_second_one_and_can_be_cancelled() throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        simulations.checkpoint = (id, progress) -> {
            reached.countDown();
            try {
                proceed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        String location;
        try {
            TestApi.Response started = manager().post("/api/v1/simulations", "{" + window(BIG_WINDOW_DAY, "2033-05-21") + "}");
            location = started.header("Location");
            assertThat(reached.await(60, TimeUnit.SECONDS)).isTrue();

            JsonNode running = manager().get(location).json();
            TestApi.Response second = api().as("committee1", "secret-committee1")
                    .post("/api/v1/simulations", "{" + window(DAY, "2033-05-11") + "}");
            TestApi.Response cancel = manager().post(location + "/cancel", "");

            assertThat(running.get("status").asString()).isEqualTo("RUNNING");
            JsonNode progress = running.get("progress");
            assertThat(progress.get("total").asLong()).isEqualTo(BIG_WINDOW);
            assertThat(progress.get("processed").asLong()).isBetween(1L, BIG_WINDOW - 1L);
            assertThat(progress.get("percent").asInt()).isBetween(0, 99);
            assertThat(progress.get("etaSeconds")).isNotNull();
            assertThat(second.status()).isEqualTo(409);
            assertThat(second.json().get("type").asString()).isEqualTo("/problems/simulation-running");
            assertThat(cancel.status()).isEqualTo(202);
            assertThat(cancel.json().get("cancelRequested").asBoolean()).isTrue();
        } finally {
            proceed.countDown();
            simulations.checkpoint = (id, progress) -> { };
        }
        JsonNode cancelled = awaitEnd(location);

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        long processed = cancelled.get("progress").get("processed").asLong();
        assertThat(processed).isLessThan(BIG_WINDOW);
        assertThat(cancelled.get("result").get("before").get("APPROVE").asLong()).isEqualTo(processed);
        assertThat(manager().post(location + "/cancel", "").status()).isEqualTo(409);
    }

    @Test
    void a_simulation_left_running_by_a_stopped_instance_shows_failed() {
        Instant longAgo = Instant.now().minusSeconds(600);
        mongo.getCollection("simulations").insertOne(new Document("_id", "left-running")
                .append("version", 1).append("policyHash", "h").append("from", Date.from(longAgo))
                .append("to", Date.from(longAgo)).append("types", List.of()).append("startedBy", "manager")
                .append("startedAt", Date.from(longAgo)).append("heartbeatAt", Date.from(longAgo))
                .append("status", "RUNNING").append("progress", new Document("percent", 10).append("processed", 5)
                        .append("total", 50).append("etaSeconds", 3)));

        simulations.interruptAbandoned();

        JsonNode s = api().as("auditor", "secret-auditor").get("/api/v1/simulations/left-running").json();
        assertThat(s.get("status").asString()).isEqualTo("FAILED");
        assertThat(s.get("error").asString()).startsWith("interrupted");
        assertThat(s.get("progress").get("processed").asLong()).isEqualTo(5);
    }

    @Test
    void simulations_are_listed_newest_first() throws InterruptedException {
        String older = startAndFinish("{" + window(DAY, "2033-05-11") + "}").get("id").asString();
        String newer = startAndFinish("{" + window(DAY, "2033-05-11") + "}").get("id").asString();

        JsonNode list = api().as("analyst", "secret-analyst").get("/api/v1/simulations").json();

        List<String> ids = list.findValuesAsString("id");
        assertThat(ids).contains(older, newer);
        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
        assertThat(list.get(0).has("result")).isFalse();
    }

    @Test
    void bad_requests_are_problems_and_only_managers_and_the_committee_start() {
        TestApi.Response noFrom = manager().post("/api/v1/simulations", "{\"version\":1}");
        TestApi.Response backwards = manager().post("/api/v1/simulations",
                "{\"version\":1,\"from\":\"2033-05-11T00:00:00Z\",\"to\":\"2033-05-10T00:00:00Z\"}");
        TestApi.Response noVersion = manager().post("/api/v1/simulations",
                "{\"version\":999,\"from\":\"2026-01-01T00:00:00Z\"}");
        TestApi.Response analyst = api().as("analyst", "secret-analyst").post("/api/v1/simulations",
                "{" + window(DAY, "2033-05-11") + "}");
        TestApi.Response unknown = manager().get("/api/v1/simulations/nope");

        assertThat(noFrom.status()).isEqualTo(400);
        assertThat(noFrom.json().get("errors").findValuesAsString("field")).containsExactly("from");
        assertThat(backwards.json().get("errors").findValuesAsString("field")).containsExactly("to");
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("/problems/simulation-not-found");
    }

    // ---- fixtures

    private static Instant at(String day, int minute) {
        return Instant.parse(day + "T00:00:00Z").plusSeconds(60L * minute);
    }

    private static List<String> counts(JsonNode reasonCounts) {
        return reasonCounts.valueStream().map(r -> r.get("code").asString() + "=" + r.get("count").asLong()).toList();
    }

    private String record(Instant at, JsonRequest request, String outcome, List<String> reasons, String amount) {
        DecisionType type = switch (request.path().substring(request.path().lastIndexOf('/') + 1)) {
            case "order-check" -> DecisionType.ORDER_CHECK;
            case "customer-score" -> DecisionType.CUSTOMER_SCORE;
            case "payment-terms" -> DecisionType.PAYMENT_TERMS;
            default -> DecisionType.DUNNING;
        };
        return record(at, request.body(), type, outcome, reasons, amount);
    }

    private String record(Instant at, String input, DecisionType type, String outcome, List<String> reasons,
                          String amount) {
        String id = new DecisionIds(Clock.fixed(at, ZoneOffset.UTC)).next();
        List<Reason> recordedReasons = reasons.stream()
                .map(code -> new Reason(code, outcome, code, code, null)).toList();
        DecisionResult output = new DecisionResult(type, outcome, null, null, null, null, null, null, null, null,
                null, null, null, null, List.of(), List.of(), null, List.of(), recordedReasons, List.of());
        PolicyStamp policy = new PolicyStamp("credit-policy-fr", "2026.1",
                lifecycle.version(lifecycle.activeNumber()).contentHash());
        trail.record(AuditRecords.anOrderCheck().withId(id).withRequestId("sim-" + id).ofType(type, outcome)
                .withPayloadHash("hash-" + id).byCaller("erp").receivedAt(at).forCustomer("C-1000").forOrder(null)
                .withAmount(amount == null ? null : new BigDecimal(amount)).underPolicy(policy).withInput(input)
                .withResult(output).timed(1000, 2000).build());
        return id;
    }
}
