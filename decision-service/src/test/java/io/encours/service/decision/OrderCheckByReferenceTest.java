package io.encours.service.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.EncoursApplication;
import io.encours.service.TestApi;
import io.encours.service.storage.EmbeddedMongo;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order check by reference (issue 14), through HTTP on two service instances sharing one store: the first
 * starts the embedded server, the second connects to it by its wire port as to a shared MongoDB. The ledger is
 * fed through its own API as the ERP would.
 */
class OrderCheckByReferenceTest {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));
    private static final String PATH = "/api/v1/decisions/order-check";

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = start("--encours.storage.data-dir=" + Path.of("target/test-data/by-reference-" + UUID.randomUUID()));
        second = start("--spring.mongodb.uri=" + first.getBean(EmbeddedMongo.class).connectionString("encours"));
    }

    private static ConfigurableApplicationContext start(String storage) {
        return new SpringApplicationBuilder(EncoursApplication.class).run("--server.port=0", storage, "--spring.profiles.active=test", "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static TestApi api(ConfigurableApplicationContext instance) {
        return new TestApi(((WebServerApplicationContext) instance).getWebServer().getPort());
    }

    private static MongoTemplate mongo() {
        return first.getBean(MongoTemplate.class);
    }

    @Test
    void the_customer_the_exposure_and_the_behaviour_are_read_from_the_account_and_the_ledger() {
        String customer = newAccount(100_000, TODAY.plusDays(200));
        seed(customer, event("INVOICE_ISSUED", customer, TODAY.minusDays(10), Map.of("invoiceId", customer + "-INV-1",
                "orderId", customer + "-SO-1", "amount", "30000.00", "dueOn", TODAY.plusDays(20).toString())),
                event("ORDER_BOOKED", customer, TODAY.minusDays(5), Map.of("orderId", customer + "-SO-2", "amount", "10000.00")));

        TestApi.Response response = api(first).post(PATH, byReference(customer, "SO-10", "20000.00"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode decision = response.json();
        writeExample("order-check-by-reference-answer.json", response.text());
        assertThat(decision.get("outcome").asString()).isEqualTo("APPROVE");
        assertThat(decision.get("internalLimit").decimalValue()).isEqualByComparingTo("100000");
        assertThat(decision.get("exposureAfterOrder").decimalValue()).isEqualByComparingTo("60000");
        assertThat(decision.get("availableCredit").decimalValue()).isEqualByComparingTo("40000");
        // no payment in the ledger's last 12 months: days late unknown, scored by the policy as missing data
        assertThat(decision.get("riskClass").asString()).isEqualTo("B");
        assertThat(codes(decision)).contains("MISSING_DATA_SCORED_WORST");

        JsonNode input = recordedInput(decision);
        assertThat(input.get("customerId").asString()).isEqualTo(customer);
        assertThat(input.get("customer").get("sector").asString()).isEqualTo("MANUFACTURING");
        assertThat(input.get("customer").get("creditAccount").get("internalLimit").decimalValue()).isEqualByComparingTo("100000");
        assertThat(input.get("customer").get("paymentBehaviour").get("incidentsLast12Months").asInt()).isZero();
        assertThat(input.get("exposure").get("openInvoices").decimalValue()).isEqualByComparingTo("30000");
        assertThat(input.get("exposure").get("openOrders").decimalValue()).isEqualByComparingTo("10000");
        JsonNode position = input.get("ledgerPosition");
        assertThat(position.get("ledgerVersion").isNumber()).isTrue();
        assertThat(position.get("accountVersion").asLong()).isEqualTo(1);
        assertThat(position.get("exposure").get("OPEN_INVOICES_NOT_DUE").decimalValue()).isEqualByComparingTo("30000");
        assertThat(position.get("exposureTotal").decimalValue()).isEqualByComparingTo("40000");
        assertThat(position.get("reservedUntil").asString()).isNotBlank();
        assertThat(reserved(customer)).isEqualByComparingTo("20000");
    }

    @Test
    void an_approved_order_counts_as_exposure_for_the_next_check() {
        String customer = newAccount(100_000, TODAY.plusDays(200));

        JsonNode firstCheck = api(first).post(PATH, byReference(customer, "SO-1", "40000.00")).json();
        JsonNode secondCheck = api(second).post(PATH, byReference(customer, "SO-2", "30000.00")).json();

        assertThat(firstCheck.get("outcome").asString()).as(firstCheck.toString()).isEqualTo("APPROVE");
        assertThat(secondCheck.get("exposureAfterOrder").decimalValue()).isEqualByComparingTo("70000");
        assertThat(recordedInput(secondCheck).get("ledgerPosition").get("exposure").get("APPROVED_NOT_BOOKED")
                .decimalValue()).isEqualByComparingTo("40000");
        assertThat(recordedInput(secondCheck).get("ledgerPosition").get("ledgerVersion").asLong())
                .isGreaterThan(recordedInput(firstCheck).get("ledgerPosition").get("ledgerVersion").asLong());
    }

    @Test
    void a_full_payload_is_decided_as_before() {
        TestApi.Response response = api(first).post(PATH, io.encours.service.JsonRequest.orderCheck().body());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("outcome").asString()).isEqualTo("APPROVE");
        assertThat(response.json().get("exposureAfterOrder").decimalValue()).isEqualByComparingTo("60000");
        assertThat(recordedInput(response.json()).has("ledgerPosition")).isFalse();
    }

    @Test
    void an_unknown_customer_is_a_404_naming_it() {
        TestApi.Response response = api(first).post(PATH, byReference("C-NOBODY-" + UUID.randomUUID().toString()
                .substring(0, 8), "SO-1", "100.00"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/problems/customer-not-found");
        assertThat(response.json().get("customerId").asString()).startsWith("C-NOBODY-");
        assertThat(response.json().get("detail").asString()).contains(response.json().get("customerId").asString());
    }

    @Test
    void a_request_with_both_the_reference_and_the_facts_is_refused_naming_customerId() {
        JsonNode full = JSON.readTree(io.encours.service.JsonRequest.orderCheck().body());
        ((tools.jackson.databind.node.ObjectNode) full).put("customerId", "C-1000");

        TestApi.Response response = api(first).post(PATH, full.toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("customerId");
    }

    @Test
    void a_cover_that_ended_yesterday_is_treated_as_expired() {
        String customer = newAccount(100_000, TODAY.minusDays(1));

        JsonNode decision = api(first).post(PATH, byReference(customer, "SO-1", "20000.00")).json();

        assertThat(decision.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(codes(decision)).contains("INSURANCE_COVER_EXPIRED").doesNotContain("ORDER_WITHIN_POLICY");
        assertThat(decision.get("insuredLimit").decimalValue()).isEqualByComparingTo("0");
        assertThat(recordedInput(decision).get("customer").get("creditAccount").get("insuranceExpiry").asString())
                .isEqualTo(TODAY.minusDays(1).toString());
        assertThat(reserved(customer)).isEqualByComparingTo("0");
    }

    @Test
    void a_limit_that_expired_yesterday_is_treated_as_expired_not_as_still_valid() {
        String customer = newAccount(100_000, TODAY.plusDays(200), TODAY.minusDays(1));

        JsonNode decision = api(first).post(PATH, byReference(customer, "SO-1", "20000.00")).json();

        assertThat(decision.get("outcome").asString()).as(decision.toString()).isEqualTo("BLOCK");
        assertThat(codes(decision)).contains("LIMIT_EXPIRED").doesNotContain("CREDIT_LIMIT_FAR_EXCEEDED");
        assertThat(decision.get("internalLimit").decimalValue()).isEqualByComparingTo("0");
        JsonNode expired = decision.get("reasons").valueStream()
                .filter(r -> r.get("code").asString().equals("LIMIT_EXPIRED")).findFirst().orElseThrow();
        assertThat(expired.get("message").asString()).contains(TODAY.minusDays(1).toString());
        // the recorded facts carry the old limit and its end, so that a replay decides the same
        JsonNode account = recordedInput(decision).get("customer").get("creditAccount");
        assertThat(account.get("internalLimit").decimalValue()).isEqualByComparingTo("100000");
        assertThat(account.get("limitExpiry").asString()).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(reserved(customer)).isEqualByComparingTo("0");
    }

    @Test
    void a_limit_valid_until_today_still_counts() {
        String customer = newAccount(100_000, TODAY.plusDays(200), TODAY);

        JsonNode decision = api(first).post(PATH, byReference(customer, "SO-1", "20000.00")).json();

        assertThat(decision.get("outcome").asString()).as(decision.toString()).isEqualTo("APPROVE");
        assertThat(decision.get("internalLimit").decimalValue()).isEqualByComparingTo("100000");
    }

    @Test
    void a_full_payload_with_an_expired_limit_is_decided_as_by_reference() {
        String body = io.encours.service.JsonRequest.orderCheck()
                .with("customer.creditAccount.limitExpiry", "2026-06-14").body();

        TestApi.Response response = api(first).post(PATH, body);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("outcome").asString()).isEqualTo("BLOCK");
        assertThat(codes(response.json())).contains("LIMIT_EXPIRED").doesNotContain("CREDIT_LIMIT_FAR_EXCEEDED");
    }

    @Test
    void a_retry_with_the_same_key_answers_the_recorded_decision_and_reserves_nothing_more() {
        String customer = newAccount(100_000, TODAY.plusDays(200));
        String key = "ref-" + UUID.randomUUID();

        TestApi.Response once = api(first).post(PATH, byReference(customer, "SO-1", "20000.00"), "Idempotency-Key", key);
        TestApi.Response again = api(second).post(PATH, byReference(customer, "SO-1", "20000.00"), "Idempotency-Key", key);

        assertThat(again.json().get("decisionId").asString()).isEqualTo(once.json().get("decisionId").asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reserved(customer)).isEqualByComparingTo("20000");
    }

    @Test
    void a_replay_evaluates_the_recorded_facts_not_the_ledger_as_it_is_now() {
        String customer = newAccount(100_000, TODAY.plusDays(200));
        JsonNode decision = api(first).post(PATH, byReference(customer, "SO-1", "40000.00")).json();
        assertThat(decision.get("outcome").asString()).as(decision.toString()).isEqualTo("APPROVE");
        // the ledger moves on: the same order checked now would go over the limit
        api(first).post(PATH, byReference(customer, "SO-2", "40000.00"));
        assertThat(api(first).post(PATH, byReference(customer, "SO-3", "40000.00")).json().get("outcome").asString())
                .isNotEqualTo("APPROVE");

        TestApi.Response replay = api(first).as("auditor", "secret-auditor")
                .get("/api/v1/audit/decisions/" + decision.get("decisionId").asString() + "/replay");

        assertThat(replay.status()).as(replay.text()).isEqualTo(200);
        assertThat(replay.json().get("identical").asBoolean()).isTrue();
        assertThat(replay.json().get("replayed").get("outcome").asString()).isEqualTo("APPROVE");
    }

    @Test
    void fifty_concurrent_checks_on_one_instance_approve_no_more_than_the_limit() throws Exception {
        String customer = newAccount(100_000, TODAY.plusDays(200));

        List<JsonNode> decisions = concurrently(customer, 50, List.of(first));

        assertWithinLimit(customer, decisions);
    }

    @Test
    void fifty_concurrent_checks_on_two_instances_on_one_store_approve_no_more_than_the_limit() throws Exception {
        String customer = newAccount(100_000, TODAY.plusDays(200));

        List<JsonNode> decisions = concurrently(customer, 50, List.of(first, second));

        assertWithinLimit(customer, decisions);
    }

    private static void assertWithinLimit(String customer, List<JsonNode> decisions) {
        BigDecimal approved = decisions.stream().filter(d -> d.get("outcome").asString().equals("APPROVE"))
                .map(d -> new BigDecimal("7000.00")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(decisions).hasSize(50);
        assertThat(approved).as("sum of the approved orders").isLessThanOrEqualTo(new BigDecimal("100000"));
        assertThat(approved).as("sum of the approved orders").isPositive();
        assertThat(reserved(customer)).isEqualByComparingTo(approved);
        // every order not approved was held with a reason from the policy
        decisions.stream().filter(d -> !d.get("outcome").asString().equals("APPROVE"))
                .forEach(d -> assertThat(codes(d)).isNotEmpty());
    }

    /** 50 orders of 7,000 EUR (350,000 EUR against a limit of 100,000), fired at once, spread over the instances. */
    private static List<JsonNode> concurrently(String customer, int count, List<ConfigurableApplicationContext> instances)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<TestApi.Response>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                TestApi api = api(instances.get(i % instances.size()));
                String body = byReference(customer, "SO-C" + i, "7000.00");
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post(PATH, body);
                }));
            }
            start.countDown();
            List<JsonNode> decisions = new ArrayList<>();
            for (Future<TestApi.Response> answer : answers) {
                TestApi.Response response = answer.get();
                assertThat(response.status()).as(response.text()).isEqualTo(200);
                decisions.add(response.json());
            }
            return decisions;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The answer as it was given, under target/, for the README and the OpenAPI example. */
    private static void writeExample(String name, String text) {
        try {
            java.nio.file.Files.writeString(Path.of("target", name), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> codes(JsonNode decision) {
        return decision.get("reasons").valueStream().map(r -> r.get("code").asString()).toList();
    }

    private static JsonNode recordedInput(JsonNode decision) {
        Document record = mongo().findById(decision.get("decisionId").asString(), Document.class, "decisions");
        assertThat(record).isNotNull();
        return JSON.readTree(record.getString("input"));
    }

    private static String byReference(String customer, String orderId, String amount) {
        return """
                {"customerId": "%s",
                 "order": {"id": "%s", "amount": %s, "currency": "EUR", "requestedTerms": {"days": 30, "endOfMonth": false},
                           "paymentMethod": "BANK_TRANSFER", "purchaseOrderPresent": true, "termsAndConditionsAccepted": true}}
                """.formatted(customer, orderId, amount);
    }

    /** A sound, rated, insured customer (the OpenAPI example's) with this limit and a cover ending on coverEnds. */
    private static String newAccount(int limit, LocalDate coverEnds) {
        return newAccount(limit, coverEnds, null);
    }

    /** The same, with a limit valid until limitEnds (null: no end date). */
    private static String newAccount(int limit, LocalDate coverEnds, LocalDate limitEnds) {
        String customer = "C-REF-" + UUID.randomUUID().toString().substring(0, 8);
        String body = SoundAccountBody.of(customer, "EUR", limit, limitEnds, coverEnds, null, TODAY);
        TestApi.Response created = api(first).as("manager", "secret-manager").post("/api/v1/accounts", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return customer;
    }

    private static Map<String, Object> event(String type, String customer, LocalDate on, Map<String, Object> fields) {
        Map<String, Object> event = new java.util.HashMap<>(fields);
        event.put("eventId", "E-" + UUID.randomUUID());
        event.put("type", type);
        event.put("customerId", customer);
        event.put("occurredOn", on.toString());
        event.put("currency", "EUR");
        return event;
    }

    @SafeVarargs
    private static void seed(String customer, Map<String, Object>... events) {
        String batch = JSON.writeValueAsString(List.of(events));
        TestApi.Response answer = api(first).withApiKey("test-erp-feed-key").post("/api/v1/ledger/events", batch);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.text()).doesNotContain("REJECTED");
    }

    /** What the ledger counts as approved, not booked, for the customer today. */
    private static BigDecimal reserved(String customer) {
        TestApi.Response answer = api(first).as("manager", "secret-manager")
                .get("/api/v1/accounts/" + customer + "/exposure");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("categories").get("APPROVED_NOT_BOOKED").decimalValue();
    }
}
