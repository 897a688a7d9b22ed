package io.encours.rules.policy;

import static io.encours.rules.model.Facts.TODAY;
import static io.encours.rules.model.Facts.aCustomer;
import static io.encours.rules.model.Facts.anAccount;
import static io.encours.rules.model.Facts.anExposure;
import static io.encours.rules.model.Facts.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.Reason;
import io.encours.rules.model.Facts.AccountBuilder;
import io.encours.rules.model.Facts.OrderBuilder;
import io.encours.rules.model.OrderCheckRequest;
import io.encours.rules.model.PaymentMethod;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A limit past its validity date and a cover past its end, as the default policy decides them: named by their
 * reason, and never more generous than an account with no limit or no cover at all.
 */
class ExpiredLimitAndCoverTest {
    private static final List<String> SEVERITY = List.of("APPROVE", "REVIEW", "BLOCK");
    private static CompiledPolicy policy;

    @BeforeAll
    static void compile() {
        policy = DefaultPolicy.compile();
    }

    @Test
    void a_limit_that_expired_yesterday_blocks_the_order_with_its_own_reason_in_both_languages() {
        DecisionResult result = check(anAccount().withLimitExpiringInDays(-1), anOrder());

        assertThat(result.outcome()).isEqualTo("BLOCK");
        assertThat(codes(result)).contains("LIMIT_EXPIRED").doesNotContain("CREDIT_LIMIT_FAR_EXCEEDED", "ORDER_WITHIN_POLICY");
        assertThat(result.internalLimit()).isEqualByComparingTo("0");
        Reason expired = reason(result, "LIMIT_EXPIRED");
        assertThat(expired.messageEn()).contains(TODAY.minusDays(1).toString()).doesNotContain("{");
        assertThat(expired.messageFr()).contains(TODAY.minusDays(1).toString()).doesNotContain("{");
        assertThat(expired.source().table()).isEqualTo("OrderChecks");
    }

    @Test
    void a_limit_valid_until_today_is_still_in_force() {
        DecisionResult result = check(anAccount().withLimitExpiringInDays(0), anOrder());

        assertThat(result.outcome()).isEqualTo("APPROVE");
        assertThat(codes(result)).doesNotContain("LIMIT_EXPIRED");
        assertThat(result.internalLimit()).isEqualByComparingTo("100000");
    }

    @Test
    void a_cover_that_ended_yesterday_is_expired_and_insures_nothing() {
        DecisionResult result = check(anAccount().withCoverEndingInDays(-1), anOrder());

        assertThat(result.outcome()).isEqualTo("REVIEW");
        assertThat(codes(result)).contains("INSURANCE_COVER_EXPIRED").doesNotContain("UNINSURED_SHARE");
        assertThat(result.insuredLimit()).isEqualByComparingTo("0");
    }

    @ParameterizedTest(name = "order of {0} EUR paid by {1} on {2} EUR of open invoices")
    @CsvSource({"20000, BANK_TRANSFER, 10000", "500, BANK_TRANSFER, 0", "80000, BANK_TRANSFER, 90000",
            "20000, PREPAYMENT, 0", "20000, PREPAYMENT, 30000", "0.01, DIRECT_DEBIT, 0"})
    void an_expired_limit_is_never_more_generous_than_no_limit(String amount, PaymentMethod method, String invoices) {
        OrderBuilder order = anOrder().of(amount).paidBy(method);

        DecisionResult expired = check(anAccount().withLimitExpiringInDays(-1), order, invoices);
        DecisionResult none = check(anAccount().withInternalLimit(BigDecimal.ZERO), order, invoices);

        assertThat(severity(expired)).as("%s against %s", expired.outcome(), none.outcome())
                .isGreaterThanOrEqualTo(severity(none));
    }

    @ParameterizedTest(name = "order of {0} EUR on {1} EUR of open invoices")
    @CsvSource({"20000, 10000", "500, 0", "20000, 60000", "80000, 90000"})
    void an_expired_cover_is_never_more_generous_than_no_cover(String amount, String invoices) {
        OrderBuilder order = anOrder().of(amount);

        DecisionResult expired = check(anAccount().withCoverEndingInDays(-1), order, invoices);
        DecisionResult none = check(anAccount().uninsured(), order, invoices);

        assertThat(severity(expired)).as("%s against %s", expired.outcome(), none.outcome())
                .isGreaterThanOrEqualTo(severity(none));
    }

    private static DecisionResult check(AccountBuilder account, OrderBuilder order) {
        return check(account, order, "10000");
    }

    private static DecisionResult check(AccountBuilder account, OrderBuilder order, String openInvoices) {
        OrderCheckRequest request = new OrderCheckRequest(aCustomer().withAccount(account).build(),
                anExposure().withOpenInvoices(openInvoices).build(), order.build(), TODAY);
        return policy.evaluate(request).result();
    }

    private static int severity(DecisionResult result) {
        return SEVERITY.indexOf(result.outcome());
    }

    private static List<String> codes(DecisionResult result) {
        return result.reasons().stream().map(Reason::code).toList();
    }

    private static Reason reason(DecisionResult result, String code) {
        return result.reasons().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }
}
