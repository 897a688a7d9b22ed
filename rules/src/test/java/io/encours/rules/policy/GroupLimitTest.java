package io.encours.rules.policy;

import static io.encours.rules.model.Facts.TODAY;
import static io.encours.rules.model.Facts.aCustomer;
import static io.encours.rules.model.Facts.anAccount;
import static io.encours.rules.model.Facts.anExposure;
import static io.encours.rules.model.Facts.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.Reason;
import io.encours.rules.model.CreditGroup;
import io.encours.rules.model.OrderCheckRequest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An account in a group (a parent account) must also fit the group's limit, as the default policy decides it:
 * named by its reason, and never more generous than the same account outside any group.
 */
class GroupLimitTest {
    private static final List<String> SEVERITY = List.of("APPROVE", "REVIEW", "BLOCK");
    private static CompiledPolicy policy;

    @BeforeAll
    static void compile() {
        policy = DefaultPolicy.compile();
    }

    @Test
    void an_order_within_the_members_limit_but_beyond_the_groups_is_reviewed_with_its_reason_in_both_languages() {
        DecisionResult alone = check("20000", null);
        DecisionResult inGroup = check("20000", group("150000", "140000"));

        assertThat(alone.outcome()).isEqualTo("APPROVE");
        assertThat(inGroup.outcome()).isEqualTo("REVIEW");
        assertThat(codes(inGroup)).contains("GROUP_LIMIT_EXCEEDED").doesNotContain("ORDER_WITHIN_POLICY");
        Reason reason = inGroup.reasons().stream().filter(r -> r.code().equals("GROUP_LIMIT_EXCEEDED")).findFirst()
                .orElseThrow();
        assertThat(reason.messageEn()).contains("G-1").contains("160").contains("150").doesNotContain("{");
        assertThat(reason.messageFr()).contains("G-1").contains("groupe").doesNotContain("{");
        assertThat(reason.source().table()).isEqualTo("OrderChecks");
    }

    @Test
    void an_order_that_fits_the_group_too_is_approved() {
        DecisionResult result = check("20000", group("150000", "100000"));

        assertThat(result.outcome()).isEqualTo("APPROVE");
        assertThat(codes(result)).doesNotContain("GROUP_LIMIT_EXCEEDED");
    }

    @Test
    void a_missing_parent_account_counts_as_a_group_with_no_limit() {
        DecisionResult result = check("20000", CreditGroup.missing("G-404"));

        assertThat(result.outcome()).isNotEqualTo("APPROVE");
        assertThat(codes(result)).contains("GROUP_LIMIT_EXCEEDED");
    }

    @ParameterizedTest(name = "order of {0} EUR, group limit {1} EUR, group exposure {2} EUR")
    @CsvSource({"20000, 150000, 140000", "500, 0, 0", "20000, 1000000, 0", "80000, 100000, 30000",
            "0.01, 10, 10"})
    void a_group_is_never_more_generous_than_no_group(String amount, String limit, String exposure) {
        DecisionResult alone = check(amount, null);
        DecisionResult inGroup = check(amount, group(limit, exposure));

        assertThat(severity(inGroup)).as("%s against %s", inGroup.outcome(), alone.outcome())
                .isGreaterThanOrEqualTo(severity(alone));
    }

    private static CreditGroup group(String limit, String exposure) {
        return new CreditGroup("G-1", new BigDecimal(limit), new BigDecimal(exposure), true);
    }

    private static DecisionResult check(String amount, CreditGroup group) {
        OrderCheckRequest request = new OrderCheckRequest(aCustomer().withAccount(anAccount()).build(),
                anExposure().withOpenInvoices("10000").build(), anOrder().of(amount).build(), TODAY, group);
        return policy.evaluate(request).result();
    }

    private static int severity(DecisionResult result) {
        return SEVERITY.indexOf(result.outcome());
    }

    private static List<String> codes(DecisionResult result) {
        return result.reasons().stream().map(Reason::code).toList();
    }
}
