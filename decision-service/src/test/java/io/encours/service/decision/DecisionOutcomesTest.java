package io.encours.service.decision;

import static io.encours.service.JsonRequest.customerScore;
import static io.encours.service.JsonRequest.dunning;
import static io.encours.service.JsonRequest.orderCheck;
import static io.encours.service.JsonRequest.paymentTerms;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.model.DecisionType;
import io.encours.rules.policy.Outcomes;
import io.encours.service.FullStackTest;
import io.encours.service.JsonRequest;
import io.encours.service.TestApi;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every outcome of every decision, reached over HTTP under the default policy, each from the documented
 * example changed as the policy's scenarios change it (scenario ids in brackets).
 */
class DecisionOutcomesTest extends FullStackTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // Order credit check
                decision("an established customer within its limit is approved [O01]",
                        orderCheck(), "APPROVE", "ORDER_WITHIN_POLICY"),
                decision("one euro over the credit limit goes to review [O03]",
                        orderCheck().with("exposure.openInvoices", 70000).with("order.amount", 20001),
                        "REVIEW", "CREDIT_LIMIT_EXCEEDED"),
                decision("a blocked account blocks the order [O10]",
                        orderCheck().with("customer.creditAccount.status", "BLOCKED"), "BLOCK", "ACCOUNT_BLOCKED"),
                // Customer score
                decision("a sound established customer is class A [S01]",
                        customerScore(), "CREDIT_GRANTED", "RISK_CLASS_A"),
                decision("six incidents and 35 days late on average is class D [S14]",
                        customerScore().with("customer.paymentBehaviour.incidentsLast12Months", 6)
                                .with("customer.paymentBehaviour.averageDaysLate", 35),
                        "GUARANTEE_REQUIRED", "RISK_CLASS_D"),
                decision("a one-year-old customer with no rating, accounts or history is class E [S06]",
                        customerScore().with("customer.foundingDate", "2025-06-14")
                                .without("customer.externalRating").without("customer.financials")
                                .without("customer.paymentBehaviour"),
                        "PREPAYMENT_ONLY", "RISK_CLASS_E"),
                // Payment-term exception
                decision("class A asking 30 days is within standard [T01]",
                        paymentTerms().with("requestedTerms.days", 30), "WITHIN_STANDARD", "TERMS_STANDARD"),
                decision("class A asking 60 days needs an analyst [T04]",
                        paymentTerms().with("requestedTerms.days", 60), "APPROVAL_REQUIRED", "TERMS_EXCEPTION_ANALYST"),
                decision("61 days exceeds the legal cap [T05]",
                        paymentTerms().with("requestedTerms.days", 61), "REFUSED", "LEGAL_CAP_EXCEEDED"),
                // Dunning
                decision("twenty days before the due date there is nothing to do [D03]",
                        dunning().with("invoice.issuedOn", "2026-06-05").with("invoice.dueDate", "2026-07-05"),
                        "NO_ACTION", "NOT_DUE_YET"),
                decision("a punctual payer 20 days late gets a phone call [D01]",
                        dunning(), "DUN", "PHONE_REMINDER"),
                decision("a punctual payer 70 days late gets a formal notice [D07]",
                        dunning().with("invoice.issuedOn", "2026-03-07").with("invoice.dueDate", "2026-04-06"),
                        "ESCALATE", "FORMAL_NOTICE"),
                decision("a pending payment promise is awaited [D19]",
                        dunning().withJson("invoice.promises",
                                "[{\"promisedFor\":\"2026-06-20\",\"amount\":5000,\"status\":\"PENDING\"}]"),
                        "WAIT", "PROMISE_PENDING"),
                decision("a disputed invoice is not dunned [D18]",
                        dunning().with("invoice.disputed", true), "SUSPENDED", "DISPUTED_NOT_DUNNED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_policy_decides(JsonRequest request, String outcome, String reason) {
        TestApi.Response response = api().post(request.path(), request.body());

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("outcome").asString()).isEqualTo(outcome);
        assertThat(response.json().get("reasons").findValuesAsString("code")).contains(reason);
        assertThat(auditRecord(response.json().get("decisionId").asString()).getString("outcome")).isEqualTo(outcome);
    }

    @Test
    void each_decision_says_what_it_is_about_an_order_an_invoice_or_the_customer() {
        assertSubject(orderCheck().with("order.id", "SO-SUBJECT-1"), "ORDER", "SO-SUBJECT-1");
        assertSubject(dunning().with("invoice.number", "INV-SUBJECT-1"), "INVOICE", "INV-SUBJECT-1");
        assertSubject(customerScore().with("customer.id", "C-SUBJECT-1"), "CUSTOMER", "C-SUBJECT-1");
        assertSubject(paymentTerms().with("customer.id", "C-SUBJECT-2"), "CUSTOMER", "C-SUBJECT-2");
    }

    private void assertSubject(JsonRequest request, String kind, String id) {
        TestApi.Response response = api().post(request.path(), request.body());

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("subject").get("kind").asString()).isEqualTo(kind);
        assertThat(response.json().get("subject").get("id").asString()).isEqualTo(id);
        String decisionId = response.json().get("decisionId").asString();
        assertThat(api().get("/api/v1/decisions/" + decisionId).json().get("subject").get("kind").asString())
                .isEqualTo(kind);
    }

    @Test
    void the_cases_cover_every_outcome_of_every_decision() {
        List<String> covered = cases().map(a -> typeOf((JsonRequest) ((Named<?>) a.get()[0]).getPayload())
                + "/" + a.get()[1]).toList();
        List<String> all = Arrays.stream(DecisionType.values())
                .flatMap(t -> Outcomes.of(t).stream().map(o -> t + "/" + o)).toList();

        assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
    }

    private static DecisionType typeOf(JsonRequest request) {
        return switch (request.toString()) {
            case "order-check" -> DecisionType.ORDER_CHECK;
            case "customer-score" -> DecisionType.CUSTOMER_SCORE;
            case "payment-terms" -> DecisionType.PAYMENT_TERMS;
            default -> DecisionType.DUNNING;
        };
    }

    private static Arguments decision(String name, JsonRequest request, String outcome, String reason) {
        return Arguments.of(Named.of(name, request), outcome, reason);
    }
}
