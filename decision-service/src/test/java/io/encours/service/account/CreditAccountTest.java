package io.encours.service.account;

import static io.encours.service.account.Accounts.AT;
import static io.encours.service.account.Accounts.DEC_1;
import static io.encours.service.account.Accounts.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.rules.facts.OrderFacts;
import io.encours.rules.model.Customer;
import io.encours.rules.model.Order;
import io.encours.rules.model.OrderCheckRequest;
import io.encours.service.account.CreditAccount.InsurerCover;
import io.encours.service.account.CreditAccount.InternalLimit;
import io.encours.service.account.CreditAccount.RiskAssessment;
import io.encours.service.account.CreditAccount.StatusSetting;
import io.encours.service.account.InForce.NotInForce;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The account's invariants and what counts of its limit and cover on a given day, without Spring or MongoDB. */
class CreditAccountTest {

    @Test
    void a_limit_counts_from_its_first_to_its_last_day_inclusive() {
        CreditAccount account = anAccount("C-1").withLimit("50000", DEC_1, LocalDate.of(2026, 12, 31)).build();

        assertThat(account.limitOn(LocalDate.of(2026, 11, 30)).reason()).isEqualTo(NotInForce.LIMIT_NOT_YET_VALID);
        assertThat(account.limitOn(DEC_1).inForce()).map(InternalLimit::amount).contains(new BigDecimal("50000.00"));
        assertThat(account.limitOn(LocalDate.of(2026, 12, 31)).inForce()).isPresent();
        assertThat(account.limitOn(LocalDate.of(2027, 1, 1)).inForce()).isEmpty();
        assertThat(account.limitOn(LocalDate.of(2027, 1, 1)).reason()).isEqualTo(NotInForce.LIMIT_EXPIRED);
    }

    @Test
    void no_limit_and_no_cover_have_their_own_reasons() {
        CreditAccount account = anAccount("C-1").build();

        assertThat(account.limitOn(DEC_1).reason()).isEqualTo(NotInForce.LIMIT_MISSING);
        assertThat(account.coverOn(DEC_1).reason()).isEqualTo(NotInForce.COVER_MISSING);
    }

    @Test
    void a_cover_past_its_end_is_expired_and_one_not_started_is_not_yet_valid() {
        CreditAccount account = anAccount("C-1").withCover("40000", DEC_1, LocalDate.of(2026, 12, 31)).build();

        assertThat(account.coverOn(LocalDate.of(2026, 12, 31)).inForce()).map(InsurerCover::insuredAmount)
                .contains(new BigDecimal("40000.00"));
        assertThat(account.coverOn(LocalDate.of(2027, 1, 1)).reason()).isEqualTo(NotInForce.COVER_EXPIRED);
        assertThat(account.coverOn(LocalDate.of(2026, 11, 30)).reason()).isEqualTo(NotInForce.COVER_NOT_YET_VALID);
    }

    @Test
    void an_expired_limit_reaches_the_rules_as_expired_and_counts_as_zero_not_the_old_limit() {
        CreditAccount account = anAccount("C-1").withLimit("50000", null, LocalDate.of(2026, 11, 30)).build();

        Customer customer = AccountFacts.toCustomer(account, DEC_1);

        assertThat(customer.creditAccount().limitExpiry()).isEqualTo(LocalDate.of(2026, 11, 30));
        OrderFacts facts = OrderFacts.of(orderOf(customer, "1000"));
        assertThat(facts.isLimitExpired()).isTrue(); // the policy answers LIMIT_EXPIRED
        assertThat(facts.getInternalLimit()).isEqualByComparingTo("0");
        assertThat(facts.getAvailableCredit()).isEqualByComparingTo("0");
    }

    @Test
    void a_limit_not_yet_valid_is_a_limit_of_zero_for_the_rules() {
        CreditAccount account = anAccount("C-1").withLimit("50000", LocalDate.of(2026, 12, 2), null).build();

        Customer customer = AccountFacts.toCustomer(account, DEC_1);

        assertThat(customer.creditAccount().internalLimit()).isEqualByComparingTo("0");
        assertThat(OrderFacts.of(orderOf(customer, "1000")).isLimitExpired()).isFalse();
    }

    @Test
    void a_limit_in_force_is_passed_as_it_is() {
        CreditAccount account = anAccount("C-1").withLimit("50000", null, LocalDate.of(2026, 12, 31)).build();

        assertThat(AccountFacts.toCustomer(account, DEC_1).creditAccount().internalLimit()).isEqualByComparingTo("50000");
    }

    @Test
    void an_expired_cover_reaches_the_rules_as_expired_with_no_insured_limit() {
        CreditAccount account = anAccount("C-1").withLimit("50000", null, null)
                .withCover("40000", null, LocalDate.of(2026, 11, 30)).build();

        OrderFacts facts = OrderFacts.of(orderOf(AccountFacts.toCustomer(account, DEC_1), "1000"));

        assertThat(facts.isInsuranceExpired()).isTrue(); // the policy answers INSURANCE_COVER_EXPIRED
        assertThat(facts.getInsuredLimit()).isEqualByComparingTo("0");
    }

    @Test
    void a_cover_not_yet_in_force_is_no_cover() {
        CreditAccount account = anAccount("C-1").withLimit("50000", null, null)
                .withCover("40000", LocalDate.of(2027, 1, 1), null).build();

        io.encours.rules.model.CreditAccount forRules = AccountFacts.toCustomer(account, DEC_1).creditAccount();

        assertThat(forRules.insuredLimit()).isEqualByComparingTo("0");
        assertThat(OrderFacts.of(orderOf(AccountFacts.toCustomer(account, DEC_1), "1000")).getInsuredLimit())
                .isEqualByComparingTo("0");
    }

    @Test
    void a_cover_in_force_carries_its_amount_expiry_and_percentage() {
        CreditAccount account = anAccount("C-1").withLimit("50000", null, null)
                .withCover("40000", null, LocalDate.of(2027, 6, 30)).build();

        io.encours.rules.model.CreditAccount forRules = AccountFacts.toCustomer(account, DEC_1).creditAccount();

        assertThat(forRules.insuredLimit()).isEqualByComparingTo("40000");
        assertThat(forRules.insurer()).isEqualTo("Allianz Trade");
        assertThat(forRules.insuranceExpiry()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(forRules.coveragePercent()).isEqualByComparingTo("90");
    }

    @Test
    void the_master_data_reach_the_rules_and_the_payment_behaviour_is_left_to_the_ledger() {
        Customer customer = AccountFacts.toCustomer(anAccount("C-1").build(), DEC_1);

        assertThat(customer.id()).isEqualTo("C-1");
        assertThat(customer.sector()).isEqualTo("MANUFACTURING");
        assertThat(customer.legalForm()).isEqualTo("SAS");
        assertThat(customer.foundingDate()).isEqualTo(LocalDate.of(2004, 3, 1));
        assertThat(customer.creditAccount().standardTermsDays()).isEqualTo(30);
        assertThat(customer.creditAccount().lastReviewDate()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(customer.creditAccount().openedOn()).isEqualTo(LocalDate.of(2010, 1, 15));
        assertThat(customer.paymentBehaviour()).isNull();
    }

    @Test
    void a_closed_account_is_blocked_for_the_rules_and_litigation_stays_litigation() {
        assertThat(AccountFacts.toCustomer(anAccount("C-1").withStatus(AccountStatus.CLOSED, "Ceased trading").build(),
                DEC_1).creditAccount().status()).isEqualTo(io.encours.rules.model.AccountStatus.BLOCKED);
        assertThat(AccountFacts.toCustomer(anAccount("C-1").withStatus(AccountStatus.LITIGATION, "Injonction").build(),
                DEC_1).creditAccount().status()).isEqualTo(io.encours.rules.model.AccountStatus.LITIGATION);
    }

    @Test
    void money_is_never_negative() {
        assertInvalid(() -> new InternalLimit(new BigDecimal("-1"), null, null), "internalLimit.amount");
        assertInvalid(() -> new InsurerCover("Coface", new BigDecimal("-0.01"), null, null, null, null, null),
                "cover.insuredAmount");
        assertThat(new InternalLimit(BigDecimal.ZERO, null, null).amount()).isEqualByComparingTo("0");
    }

    @Test
    void a_period_never_ends_before_it_starts_and_may_last_one_day() {
        assertInvalid(() -> new InternalLimit(BigDecimal.TEN, DEC_1, DEC_1.minusDays(1)), "internalLimit.validTo");
        assertInvalid(() -> new InsurerCover("Coface", BigDecimal.TEN, null, DEC_1, DEC_1.minusDays(1), null, null),
                "cover.validTo");
        assertThat(new InternalLimit(BigDecimal.TEN, DEC_1, DEC_1).validTo()).isEqualTo(DEC_1);
    }

    @Test
    void a_coverage_percentage_is_between_0_and_100_inclusive() {
        assertInvalid(() -> cover("100.01"), "cover.coveragePercent");
        assertInvalid(() -> cover("-1"), "cover.coveragePercent");
        assertThat(cover("100").coveragePercent()).isEqualByComparingTo("100");
        assertThat(cover("0").coveragePercent()).isEqualByComparingTo("0");
    }

    @Test
    void delays_and_terms_are_days_between_0_and_365() {
        assertInvalid(() -> new InsurerCover("Coface", BigDecimal.TEN, null, null, null, 366, null),
                "cover.maxPaymentTermDays");
        assertInvalid(() -> new InsurerCover("Coface", BigDecimal.TEN, null, null, null, null, -1),
                "cover.notificationDelayDays");
    }

    @Test
    void a_block_litigation_or_closure_states_its_reason() {
        assertInvalid(() -> new StatusSetting(AccountStatus.BLOCKED, " ", "manager", AT), "status.reason");
        assertThat(new StatusSetting(AccountStatus.ACTIVE, null, "manager", AT).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void a_score_names_the_decision_that_set_it() {
        assertInvalid(() -> new RiskAssessment(72, "B", null, AT), "assessment.decisionId");
        assertInvalid(() -> new RiskAssessment(101, "B", "d-1", AT), "assessment.score");
    }

    @Test
    void an_account_needs_its_customer_codes_and_currency_and_is_not_its_own_group() {
        assertInvalid(() -> anAccount("bad id!").build(), "customerId");
        assertInvalid(() -> anAccount("C-1").inGroup("C-1").build(), "parentAccountId");
        assertInvalid(() -> new CreditAccount("C-1", null, "XX", "MANUFACTURING", "SAS", null, null, null, "EUR", null,
                active(), null, null, null, null, null, null, null, 1, AT, "m"), "country");
        assertInvalid(() -> new CreditAccount("C-1", null, null, "MANUFACTURING", "SAS", null, null, null, "EURO", null,
                active(), null, null, null, null, null, null, null, 1, AT, "m"), "currency");
        assertInvalid(() -> new CreditAccount("C-1", null, null, null, "SAS", null, null, null, "EUR", null,
                active(), null, null, null, null, null, null, null, 1, AT, "m"), "sector");
    }

    @Test
    void the_same_limit_written_with_or_without_decimals_is_the_same_data() {
        CreditAccount a = anAccount("C-1").withLimit("50000", null, null).build();
        CreditAccount b = anAccount("C-1").withLimit("50000.00", null, null).build().asVersion(7, AT.plusSeconds(60), "erp");

        assertThat(a.sameDataAs(b)).isTrue();
        assertThat(a.sameDataAs(anAccount("C-1").withLimit("50000.01", null, null).build())).isFalse();
    }

    @Test
    void the_review_is_due_on_its_date() {
        CreditAccount account = anAccount("C-1").build(); // next review 2027-06-01
        assertThat(account.reviewDueOn(LocalDate.of(2027, 5, 31))).isFalse();
        assertThat(account.reviewDueOn(LocalDate.of(2027, 6, 1))).isTrue();
    }

    private static StatusSetting active() {
        return new StatusSetting(AccountStatus.ACTIVE, null, "m", AT);
    }

    private static InsurerCover cover(String percent) {
        return new InsurerCover("Coface", BigDecimal.TEN, new BigDecimal(percent), null, null, null, null);
    }

    private static OrderCheckRequest orderOf(Customer customer, String amount) {
        return new OrderCheckRequest(customer, null,
                new Order("SO-1", new BigDecimal(amount), "EUR", null, null, true, true), DEC_1);
    }

    private static void assertInvalid(Runnable construction, String field) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(io.encours.rules.model.InvalidFact.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
