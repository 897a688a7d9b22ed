package io.encours.service.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.EncoursApplication;
import io.encours.service.TestApi;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The group rollup (issue 14), through HTTP: a parent account G (limit 150,000 EUR) with two members A and B in
 * its currency and one member X in USD. The group's exposure sums G's, A's and B's running totals by category,
 * never X's; an order of A that fits A's own limit but not the group's is not approved; a member whose parent
 * account is missing is never approved on the group's account.
 */
class GroupRollupTest {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));
    private static final String PATH = "/api/v1/decisions/order-check";

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(EncoursApplication.class).run("--server.port=0",
                "--encours.storage.data-dir=" + Path.of("target/test-data/group-" + UUID.randomUUID()),
                "--spring.profiles.active=test", "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_group_sums_its_own_and_its_members_exposure_and_leaves_out_a_member_in_another_currency() {
        Group g = group();

        JsonNode answer = api().as("manager", "secret-manager").get("/api/v1/accounts/" + g.parent + "/exposure").json();

        JsonNode group = answer.get("group");
        assertThat(group).as(answer.toString()).isNotNull();
        assertThat(group.get("parentAccountId").asString()).isEqualTo(g.parent);
        assertThat(group.get("currency").asString()).isEqualTo("EUR");
        assertThat(group.get("limit").decimalValue()).isEqualByComparingTo("150000");
        assertThat(group.get("parentTotal").decimalValue()).isEqualByComparingTo("20000");
        assertThat(group.get("categories").get("OPEN_INVOICES_NOT_DUE").decimalValue()).isEqualByComparingTo("50000");
        assertThat(group.get("categories").get("OPEN_ORDERS").decimalValue()).isEqualByComparingTo("90000");
        assertThat(group.get("total").decimalValue()).isEqualByComparingTo("140000");
        assertThat(group.get("available").decimalValue()).isEqualByComparingTo("10000");
        Map<String, String> members = new HashMap<>();
        group.get("members").forEach(m -> members.put(m.get("customerId").asString(), m.get("total").decimalValue().toPlainString()));
        assertThat(members).containsOnlyKeys(g.a, g.b);
        assertThat(new java.math.BigDecimal(members.get(g.a))).isEqualByComparingTo("30000");
        assertThat(new java.math.BigDecimal(members.get(g.b))).isEqualByComparingTo("90000");
        assertThat(group.get("excluded")).hasSize(1);
        assertThat(group.get("excluded").get(0).get("customerId").asString()).isEqualTo(g.x);
        assertThat(group.get("excluded").get(0).get("currency").asString()).isEqualTo("USD");
        assertThat(group.get("excluded").get(0).get("reason").asString()).contains("USD").contains("EUR");
        // the account's own figures are unchanged by its group
        assertThat(answer.get("total").decimalValue()).isEqualByComparingTo("20000");

        JsonNode member = api().as("manager", "secret-manager").get("/api/v1/accounts/" + g.a + "/exposure").json();
        assertThat(member.has("group")).as("a member heads no group").isFalse();
    }

    @Test
    void an_order_within_the_members_own_limit_but_beyond_the_groups_is_not_approved() {
        Group g = group();

        JsonNode beyond = api().post(PATH, byReference(g.a, "SO-BIG", "20000.00")).json();
        JsonNode within = api().post(PATH, byReference(g.a, "SO-SMALL", "5000.00")).json();

        assertThat(beyond.get("outcome").asString()).as(beyond.toString()).isIn("REVIEW", "BLOCK");
        assertThat(codes(beyond)).contains("GROUP_LIMIT_EXCEEDED").doesNotContain("CREDIT_LIMIT_EXCEEDED");
        assertThat(beyond.get("exposureAfterOrder").decimalValue()).isEqualByComparingTo("50000");
        JsonNode recorded = recordedInput(beyond).get("ledgerPosition").get("group");
        assertThat(recorded.get("parentAccountId").asString()).isEqualTo(g.parent);
        assertThat(recorded.get("limit").decimalValue()).isEqualByComparingTo("150000");
        assertThat(recorded.get("exposure").decimalValue()).isEqualByComparingTo("140000");
        assertThat(within.get("outcome").asString()).as(within.toString()).isEqualTo("APPROVE");
        assertThat(codes(within)).doesNotContain("GROUP_LIMIT_EXCEEDED");
    }

    @Test
    void a_member_whose_parent_account_is_missing_is_not_approved() {
        String orphan = account("EUR", 100_000, "G-MISSING-" + UUID.randomUUID().toString().substring(0, 8));

        JsonNode decision = api().post(PATH, byReference(orphan, "SO-1", "1000.00")).json();

        assertThat(decision.get("outcome").asString()).as(decision.toString()).isIn("REVIEW", "BLOCK");
        assertThat(codes(decision)).contains("GROUP_LIMIT_EXCEEDED");
        assertThat(recordedInput(decision).get("ledgerPosition").get("group").get("parentFound").asBoolean()).isFalse();
    }

    /** G 20,000 EUR of open invoices; A 30,000 EUR of open invoices; B 90,000 EUR of open orders; X 5,000 USD. */
    private static Group group() {
        String parent = account("EUR", 150_000, null);
        String a = account("EUR", 100_000, parent);
        String b = account("EUR", 100_000, parent);
        String x = account("USD", 100_000, parent);
        seed(invoice(parent, "20000.00", "EUR"), invoice(a, "30000.00", "EUR"),
                event("ORDER_BOOKED", b, "EUR", Map.of("orderId", b + "-SO-1", "amount", "90000.00")),
                invoice(x, "5000.00", "USD"));
        return new Group(parent, a, b, x);
    }

    private record Group(String parent, String a, String b, String x) {
    }

    private static Map<String, Object> invoice(String customer, String amount, String currency) {
        return event("INVOICE_ISSUED", customer, currency, Map.of("invoiceId", customer + "-INV-1",
                "orderId", customer + "-SO-0", "amount", amount, "dueOn", TODAY.plusDays(20).toString()));
    }

    private static Map<String, Object> event(String type, String customer, String currency, Map<String, Object> fields) {
        Map<String, Object> event = new HashMap<>(fields);
        event.put("eventId", "E-" + UUID.randomUUID());
        event.put("type", type);
        event.put("customerId", customer);
        event.put("occurredOn", TODAY.minusDays(5).toString());
        event.put("currency", currency);
        return event;
    }

    @SafeVarargs
    private static void seed(Map<String, Object>... events) {
        TestApi.Response answer = api().withApiKey("test-erp-feed-key").post("/api/v1/ledger/events",
                JSON.writeValueAsString(List.of(events)));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.text()).doesNotContain("REJECTED");
    }

    /** A sound, rated, insured customer (as OrderCheckByReferenceTest's) in this currency, in the group of parent. */
    private static String account(String currency, int limit, String parent) {
        String customer = "C-GRP-" + UUID.randomUUID().toString().substring(0, 8);
        String body = SoundAccountBody.of(customer, currency, limit, null, TODAY.plusMonths(6), parent, TODAY);
        TestApi.Response created = api().as("manager", "secret-manager").post("/api/v1/accounts", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return customer;
    }

    private static String byReference(String customer, String orderId, String amount) {
        return """
                {"customerId": "%s",
                 "order": {"id": "%s", "amount": %s, "currency": "EUR", "requestedTerms": {"days": 30, "endOfMonth": false},
                           "paymentMethod": "BANK_TRANSFER", "purchaseOrderPresent": true, "termsAndConditionsAccepted": true}}
                """.formatted(customer, orderId, amount);
    }

    private static List<String> codes(JsonNode decision) {
        return decision.get("reasons").valueStream().map(r -> r.get("code").asString()).toList();
    }

    private static JsonNode recordedInput(JsonNode decision) {
        Document record = app.getBean(MongoTemplate.class).findById(decision.get("decisionId").asString(),
                Document.class, "decisions");
        assertThat(record).isNotNull();
        return JSON.readTree(record.getString("input"));
    }

    private static TestApi api() {
        return new TestApi(((WebServerApplicationContext) app).getWebServer().getPort());
    }
}
