package io.encours.service.decision;

import static io.encours.service.JsonRequest.customerScore;
import static io.encours.service.JsonRequest.dunning;
import static io.encours.service.JsonRequest.orderCheck;
import static io.encours.service.JsonRequest.paymentTerms;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.JsonRequest;
import io.encours.service.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, decisions that failed open: an optional input left out is scored by the policy as unknown,
 * never as a favourable zero, and the edge values the issue names are decided explicitly. (Required
 * inputs left out are refused: {@link BadInputTest}.)
 */
class MissingInputTest extends FullStackTest {

    @Test
    void a_customer_without_financials_scores_lower_than_with_them_never_84() {
        JsonNode complete = decide(orderCheck());
        JsonNode withoutFinancials = decide(orderCheck().without("customer.financials"));

        assertThat(complete.get("score").asInt()).isEqualTo(96);
        assertThat(withoutFinancials.get("score").asInt()).isEqualTo(40).isLessThan(complete.get("score").asInt());
        assertThat(withoutFinancials.get("riskClass").asString()).isEqualTo("D");
        assertThat(codes(withoutFinancials)).contains("MISSING_DATA_SCORED_WORST");
        JsonNode missing = reason(withoutFinancials, "MISSING_DATA_SCORED_WORST");
        assertThat(missing.get("message").asString()).contains("GENERAL_SOLVENCY", "RETURN_ON_ASSETS",
                "CURRENT_RATIO", "INTEREST_COVER", "REVENUE", "REVENUE_GROWTH");
    }

    @Test
    void a_customer_without_rating_financials_or_payment_history_pays_before_delivery() {
        JsonNode decision = decide(orderCheck().without("customer.externalRating").without("customer.financials")
                .without("customer.paymentBehaviour"));

        assertThat(decision.get("outcome").asString()).isEqualTo("BLOCK");
        assertThat(decision.get("riskClass").asString()).isEqualTo("E");
        assertThat(codes(decision)).contains("PREPAYMENT_REQUIRED", "MISSING_DATA_SCORED_WORST");
    }

    @Test
    void total_assets_of_zero_leave_the_solvency_ratio_unknown_scored_as_its_worst_band() {
        JsonNode decision = decide(customerScore().with("customer.financials.totalAssets", 0));

        assertThat(decision.get("score").asInt()).isEqualTo(68);
        assertThat(codes(decision)).contains("MISSING_DATA_SCORED_WORST");
        JsonNode solvency = decision.get("scoreBreakdown").findParents("criterion").stream()
                .filter(l -> l.get("criterion").asString().equals("GENERAL_SOLVENCY")).findFirst().orElseThrow();
        assertThat(solvency.has("value")).as("an unknown value is shown as none").isFalse();
        assertThat(solvency.get("points").asInt()).isEqualTo(-15);
    }

    @Test
    void zero_days_is_payment_on_receipt_within_class_a_standard_terms() {
        JsonNode decision = decide(paymentTerms().with("requestedTerms.days", 0));

        assertThat(decision.get("outcome").asString()).isEqualTo("WITHIN_STANDARD");
        assertThat(reason(decision, "TERMS_STANDARD").get("message").asString()).contains("payment on receipt");
    }

    @Test
    void a_class_e_customer_asking_payment_on_receipt_is_still_refused() {
        JsonNode decision = decide(paymentTerms().with("requestedTerms.days", 0)
                .with("customer.creditAccount.standardTermsDays", 30)
                .without("customer.externalRating").without("customer.financials")
                .without("customer.paymentBehaviour"));

        assertThat(decision.get("riskClass").asString()).isEqualTo("E");
        assertThat(decision.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(codes(decision)).contains("PREPAYMENT_ONLY");
    }

    @Test
    void a_debtor_whose_payment_behaviour_is_unknown_is_dunned_as_recurrently_late() {
        JsonNode known = decide(dunning());
        JsonNode unknown = decide(dunning().without("customer.paymentBehaviour"));

        assertThat(known.get("dunningStep").get("debtorProfile").asString()).isEqualTo("PUNCTUAL");
        assertThat(unknown.get("dunningStep").get("debtorProfile").asString()).isEqualTo("RECURRENTLY_LATE");
        assertThat(codes(unknown)).contains("PROFILE_BEHAVIOUR_UNKNOWN", "DELIVERY_SUSPENSION_WARNING");
        assertThat(unknown.get("dunningStep").get("level").asInt())
                .isGreaterThan(known.get("dunningStep").get("level").asInt());
    }

    @Test
    void an_account_whose_opening_date_is_unknown_counts_as_new() {
        JsonNode decision = decide(orderCheck().without("customer.creditAccount.openedOn")
                .without("customer.externalRating"));

        assertThat(decision.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(codes(decision)).contains("NEW_CUSTOMER_WITHOUT_RATING");
    }

    @Test
    void the_openapi_schema_marks_the_inputs_a_safe_decision_needs_as_required() {
        JsonNode schemas = api().get("/v3/api-docs").json().get("components").get("schemas");

        assertThat(required(schemas, "OrderCheckBody")).contains("customer", "exposure", "order");
        assertThat(required(schemas, "ExposureInput")).contains("openInvoices", "overdueAmount", "oldestOverdueDays",
                "openOrders", "highestDunningLevel");
        assertThat(required(schemas, "CreditAccountInput")).contains("internalLimit", "status");
        assertThat(required(schemas, "CustomerInput")).contains("id", "sector", "legalForm", "creditAccount");
    }

    private static java.util.List<String> required(JsonNode schemas, String name) {
        JsonNode schema = schemas.get(name);
        assertThat(schema).as("schema " + name).isNotNull();
        return schema.get("required").valueStream().map(JsonNode::asString).toList();
    }

    private JsonNode decide(JsonRequest request) {
        TestApi.Response response = api().post(request.path(), request.body());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static java.util.List<String> codes(JsonNode decision) {
        return decision.get("reasons").findValuesAsString("code");
    }

    private static JsonNode reason(JsonNode decision, String code) {
        return decision.get("reasons").findParents("code").stream()
                .filter(r -> r.get("code").asString().equals(code)).findFirst().orElseThrow();
    }
}
