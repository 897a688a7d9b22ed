package io.encours.service.decision;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.policy.DefaultPolicy;
import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The order credit check's answer and the audit record behind it. */
class OrderCheckTest extends FullStackTest {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void the_answer_gives_the_figures_the_reasons_and_the_policy() {
        TestApi.Response response = api().post(orderCheck().path(), orderCheck().body(),
                "Idempotency-Key", "oc-" + UUID.randomUUID());
        JsonNode decision = response.json();

        assertThat(response.status()).isEqualTo(200);
        assertThat(decision.get("decisionId").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(response.header("Location")).isEqualTo("/api/v1/decisions/" + decision.get("decisionId").asString());
        assertThat(decision.get("outcome").asString()).isEqualTo("APPROVE");
        assertThat(decision.get("riskClass").asString()).isEqualTo("A");
        assertThat(decision.get("score").asInt()).isEqualTo(96);
        assertThat(decision.get("internalLimit").decimalValue()).isEqualByComparingTo("100000");
        assertThat(decision.get("insuredLimit").decimalValue()).isEqualByComparingTo("100000");
        assertThat(decision.get("exposureAfterOrder").decimalValue()).isEqualByComparingTo("60000");
        assertThat(decision.get("availableCredit").decimalValue()).isEqualByComparingTo("40000");
        assertThat(decision.get("uninsuredShare").decimalValue()).isEqualByComparingTo("0");
        assertThat(decision.get("grantedTerms").get("days").asInt()).isEqualTo(30);
        assertThat(decision.get("requiredGuarantees").isArray()).isTrue();
        assertThat(decision.has("dunningStep")).isFalse();
        JsonNode reason = decision.get("reasons").get(decision.get("reasons").size() - 1);
        assertThat(reason.get("code").asString()).isEqualTo("ORDER_WITHIN_POLICY");
        assertThat(reason.get("message").asString()).isEqualTo("The order is within the customer's credit limit and the credit policy.");
        assertThat(reason.get("source").get("file").asString()).isEqualTo("credit-policy.drl");
        assertThat(decision.get("policy").get("id").asString()).isEqualTo("credit-policy-fr");
        assertThat(decision.get("policy").get("contentHash").asString())
                .isEqualTo(DefaultPolicy.bundle().contentHash());
        assertThat(decision.get("language").asString()).isEqualTo("en");
    }

    @Test
    void the_answer_is_sent_whole_with_its_length_not_chunked() {
        TestApi.Response response = api().post(orderCheck().path(), orderCheck().body(),
                "Idempotency-Key", "oc-" + UUID.randomUUID());

        assertThat(response.header("Transfer-Encoding")).isNull();
        assertThat(response.header("Content-Length"))
                .isEqualTo(String.valueOf(response.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(response.header("Content-Language")).isEqualTo("en");
    }

    @Test
    void a_review_names_the_table_row_behind_each_reason() {
        TestApi.Response response = api().post(orderCheck().path(),
                orderCheck().with("exposure.openInvoices", 70000).with("order.amount", 20001).body());

        JsonNode limitExceeded = response.json().get("reasons").findParents("code").stream()
                .filter(r -> r.get("code").asString().equals("CREDIT_LIMIT_EXCEEDED")).findFirst().orElseThrow();
        assertThat(limitExceeded.get("source").get("file").asString()).isEqualTo("order-checks.drl.csv");
        assertThat(limitExceeded.get("source").get("table").asString()).isEqualTo("OrderChecks");
        assertThat(limitExceeded.get("source").get("row").asInt()).isPositive();
        assertThat(response.json().get("availableCredit").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void reasons_are_in_french_when_the_caller_asks_for_french() {
        TestApi.Response response = api().post(orderCheck().path(), orderCheck().body(), "Accept-Language", "fr-FR,fr;q=0.9");

        assertThat(response.header("Content-Language")).isEqualTo("fr");
        assertThat(response.json().get("language").asString()).isEqualTo("fr");
        assertThat(response.json().get("reasons").get(0).get("message").asString()).startsWith("Classe de risque A");
    }

    @Test
    void a_language_the_service_does_not_speak_gets_english() {
        TestApi.Response response = api().post(orderCheck().path(), orderCheck().body(), "Accept-Language", "de-DE");

        assertThat(response.header("Content-Language")).isEqualTo("en");
        assertThat(response.json().get("reasons").get(0).get("message").asString()).startsWith("Risk class A");
    }

    @Test
    void the_audit_record_holds_who_when_what_under_which_policy_and_why() {
        String requestId = "oc-" + UUID.randomUUID();
        TestApi.Response response = api().post(orderCheck().path(), orderCheck().body(),
                "Idempotency-Key", requestId, "X-Caller", "erp-sales");
        Document record = auditRecord(response.json().get("decisionId").asString());

        assertThat(record.getString("type")).isEqualTo("ORDER_CHECK");
        assertThat(record.getString("requestId")).isEqualTo(requestId);
        assertThat(record.getString("caller")).as("the API key's name, not the X-Caller header").isEqualTo("erp");
        assertThat(record.getDate("receivedAt").toInstant()).hasToString(response.json().get("decidedAt").asString());
        assertThat(record.getString("customerId")).isEqualTo("C-1000");
        assertThat(record.getString("orderId")).isEqualTo("SO-2026-0042");
        assertThat(record.getString("outcome")).isEqualTo("APPROVE");
        assertThat(record.get("amount", Decimal128.class).bigDecimalValue()).isEqualByComparingTo("20000.00");
        assertThat(record.get("policy", Document.class).getString("version")).isEqualTo("2026.1");
        assertThat(record.getString("asOf")).isEqualTo("2026-06-15");
        assertThat(record.getInteger("score")).isEqualTo(96);
        assertThat(record.getString("riskClass")).isEqualTo("A");
        assertThat(record.getList("reasonCodes", String.class)).containsExactly("RISK_CLASS_A", "ORDER_WITHIN_POLICY");
        assertThat(record.getList("firedRules", String.class)).contains("Order within policy", "RiskClasses_11");
        JsonNode input = JSON.readTree(record.getString("input"));
        assertThat(input).isEqualTo(JSON.readTree(orderCheck().body()));
        JsonNode output = JSON.readTree(record.getString("output"));
        JsonNode lastReason = output.get("reasons").get(output.get("reasons").size() - 1);
        assertThat(lastReason.get("messageEn").asString()).isEqualTo("The order is within the customer's credit limit and the credit policy.");
        assertThat(lastReason.get("messageFr").asString()).isNotBlank();
        assertThat(output.get("scoreBreakdown").size()).as("one line per grid criterion").isEqualTo(12);
        assertThat(output.get("firedRules").findValuesAsString("file")).contains("scoring-grid.drl.xlsx", "risk-classes.drl.xlsx", "credit-policy.drl");
        assertThat(record.getLong("evaluationNanos")).isPositive();
        assertThat(record.getLong("totalNanos")).isGreaterThanOrEqualTo(record.getLong("evaluationNanos"));
    }

    @Test
    void without_a_business_date_the_decision_is_made_as_of_today_in_paris() {
        LocalDate before = LocalDate.now(ZoneId.of("Europe/Paris"));
        TestApi.Response response = api().post(orderCheck().path(), orderCheck().without("asOf").body());
        LocalDate after = LocalDate.now(ZoneId.of("Europe/Paris"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(LocalDate.parse(response.json().get("asOf").asString())).isBetween(before, after);
    }

    @Test
    void a_recorded_decision_reads_back_by_id_in_the_callers_language() {
        TestApi.Response made = api().post(orderCheck().path(), orderCheck().body());
        String decisionId = made.json().get("decisionId").asString();

        TestApi.Response english = api().get("/api/v1/decisions/" + decisionId);
        TestApi.Response french = api().get("/api/v1/decisions/" + decisionId, "Accept-Language", "fr");

        assertThat(english.json()).isEqualTo(made.json());
        assertThat(french.json().get("decisionId")).isEqualTo(made.json().get("decisionId"));
        assertThat(french.json().get("reasons").get(0).get("message").asString()).startsWith("Classe de risque A");
    }
}
