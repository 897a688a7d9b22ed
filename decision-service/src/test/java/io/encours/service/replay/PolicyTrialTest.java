package io.encours.service.replay;

import static io.encours.service.JsonRequest.dunning;
import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.JsonRequest;
import io.encours.service.TestApi;
import io.encours.service.policy.PolicyLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Trying a request against a policy version, a draft included: the result, and nothing recorded. */
class PolicyTrialTest extends FullStackTest {

    @Autowired
    PolicyLifecycle lifecycle;

    private TestApi analyst() {
        return api().as("analyst", "secret-analyst");
    }

    private static String trial(String type, JsonRequest request) {
        return "{\"type\":\"" + type + "\",\"request\":" + request.body() + "}";
    }

    @Test
    void an_order_check_tried_against_the_active_version_answers_like_the_decision_with_its_rows() {
        int active = lifecycle.activeNumber();
        long recorded = auditRecords();

        TestApi.Response tried = analyst().post("/api/v1/policies/" + active + "/evaluate",
                trial("ORDER_CHECK", orderCheck()));

        assertThat(tried.status()).as(tried.text()).isEqualTo(200);
        JsonNode result = tried.json();
        assertThat(result.get("type").asString()).isEqualTo("ORDER_CHECK");
        assertThat(result.get("outcome").asString()).isEqualTo("APPROVE");
        assertThat(result.get("customerId").asString()).isEqualTo("C-1000");
        assertThat(result.get("orderId").asString()).isEqualTo("SO-2026-0042");
        assertThat(result.get("asOf").asString()).isEqualTo("2026-06-15");
        assertThat(result.get("exposureAfterOrder").decimalValue()).isEqualByComparingTo("60000");
        assertThat(result.get("policyVersion").get("number").asInt()).isEqualTo(active);
        assertThat(result.get("policy").get("contentHash").asString())
                .isEqualTo(lifecycle.version(active).contentHash());
        assertThat(result.get("reasons").findValuesAsString("code")).contains("ORDER_WITHIN_POLICY");
        assertThat(result.get("reasons").get(0).get("messageFr").asString()).isNotBlank();
        JsonNode riskRow = result.get("firedRules").valueStream()
                .filter(r -> r.get("table") != null && r.get("table").asString().equals("RiskClasses"))
                .findFirst().orElseThrow();
        assertThat(riskRow.get("file").asString()).isEqualTo("risk-classes.drl.xlsx");
        assertThat(riskRow.get("row").asInt()).isPositive();
        assertThat(auditRecords()).as("nothing recorded").isEqualTo(recorded);
    }

    @Test
    void a_draft_can_be_tried_and_shows_its_own_rules() {
        int draft = lifecycle.upload(ReplayTest.withReasonText(lifecycle.version(lifecycle.activeNumber()).bundle(),
                "2026.1-trial", "\"Risk class A (score {score}): very low risk.\"", "\"Class A, draft wording.\""),
                "committee1", "trial test").number();

        JsonNode result = api().as("manager", "secret-manager")
                .post("/api/v1/policies/" + draft + "/evaluate", trial("CUSTOMER_SCORE", JsonRequest.customerScore()))
                .json();

        assertThat(result.get("policyVersion").get("label").asString()).isEqualTo("2026.1-trial");
        assertThat(result.get("reasons").valueStream()
                .filter(r -> r.get("code").asString().equals("RISK_CLASS_A"))
                .map(r -> r.get("messageEn").asString())).containsExactly("Class A, draft wording.");
        assertThat(result.get("scoreBreakdown")).isNotEmpty();
    }

    @Test
    void a_dunning_request_gives_its_step() {
        JsonNode result = analyst().post("/api/v1/policies/" + lifecycle.activeNumber() + "/evaluate",
                trial("DUNNING", dunning())).json();

        assertThat(result.get("type").asString()).isEqualTo("DUNNING");
        assertThat(result.get("orderId").asString()).isEqualTo("INV-2026-0815");
        assertThat(result.get("dunningStep").get("action").asString()).isNotBlank();
    }

    @Test
    void invalid_fields_are_problems_naming_the_field() {
        String path = "/api/v1/policies/" + lifecycle.activeNumber() + "/evaluate";

        TestApi.Response negative = analyst().post(path, trial("ORDER_CHECK", orderCheck().with("order.amount", -5)));
        TestApi.Response currency = analyst().post(path, trial("ORDER_CHECK", orderCheck().with("order.currency", "USD")));
        TestApi.Response wrongType = analyst().post(path, trial("ORDER_CHECK", dunning()));
        TestApi.Response noType = analyst().post(path, "{\"request\":" + orderCheck().body() + "}");

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.contentType()).startsWith("application/problem+json");
        assertThat(negative.json().get("errors").findValuesAsString("field")).containsExactly("request.order.amount");
        assertThat(currency.status()).isEqualTo(400);
        assertThat(currency.json().get("errors").findValuesAsString("field")).containsExactly("request.order.currency");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(noType.status()).isEqualTo(400);
    }

    @Test
    void a_fact_the_model_refuses_is_named_by_its_path_in_the_trial() {
        String path = "/api/v1/policies/" + lifecycle.activeNumber() + "/evaluate";

        TestApi.Response dueBeforeIssued = analyst().post(path, trial("DUNNING",
                dunning().with("invoice.dueDate", "2026-04-01").with("invoice.currency", "USD")));

        assertThat(dueBeforeIssued.status()).isEqualTo(400);
        assertThat(dueBeforeIssued.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("request.invoice.currency", "request.invoice.dueDate");
        assertThat(dueBeforeIssued.json().get("errors").findValuesAsString("reason"))
                .contains("must not be before issuedOn");
    }

    @Test
    void an_unknown_version_is_not_found_and_order_systems_may_not_try() {
        TestApi.Response unknown = analyst().post("/api/v1/policies/999/evaluate", trial("ORDER_CHECK", orderCheck()));
        TestApi.Response orderSystem = api().post("/api/v1/policies/1/evaluate", trial("ORDER_CHECK", orderCheck()));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("/problems/policy-not-found");
        assertThat(orderSystem.status()).isEqualTo(403);
    }
}
