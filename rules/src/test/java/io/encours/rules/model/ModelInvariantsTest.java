package io.encours.rules.model;

import static io.encours.rules.model.Facts.aCustomer;
import static io.encours.rules.model.Facts.anAccount;
import static io.encours.rules.model.Facts.anExposure;
import static io.encours.rules.model.Facts.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The facts refuse what no credit team could mean, and name the field: every caller of the policy gets it. */
class ModelInvariantsTest {
    private static final LocalDate DAY = Facts.TODAY;

    @Test
    void an_exposure_refuses_a_negative_amount() {
        refused(() -> anExposure().withOpenInvoices("-1").build(), "openInvoices", "cannot be negative");
        refused(() -> anExposure().withOverdue("-0.01", 3).build(), "overdueAmount", "cannot be negative");
        refused(() -> anExposure().withOpenOrders("-5").build(), "openOrders", "cannot be negative");
        refused(() -> anExposure().withDisputed("-5").build(), "disputedAmount", "cannot be negative");
        refused(() -> anExposure().withOverdue("10", -1).build(), "oldestOverdueDays", "cannot be negative");
        refused(() -> anExposure().dunnedTo(-1).build(), "highestDunningLevel", "cannot be negative");
    }

    @Test
    void an_exposure_left_out_counts_as_none() {
        Exposure none = new Exposure(null, null, 0, null, null, 0);

        assertThat(none.total()).isEqualByComparingTo("0");
        assertThat(none).isEqualTo(Exposure.none());
    }

    @Test
    void an_order_refuses_a_negative_or_missing_amount() {
        refused(() -> anOrder().of("-1").build(), "amount", "cannot be negative");
        refused(() -> anOrder().of((BigDecimal) null).build(), "amount", "is required");
    }

    @Test
    void an_account_refuses_negative_limits_and_a_coverage_outside_0_to_100() {
        refused(() -> anAccount().withInternalLimit(new BigDecimal("-1")).build(), "internalLimit",
                "cannot be negative");
        refused(() -> anAccount().insuredFor(new BigDecimal("-1"), "Atradius").build(), "insuredLimit",
                "cannot be negative");
        refused(() -> anAccount().withStandardTerms(-30).build(), "standardTermsDays", "cannot be negative");
        refused(() -> anAccount().withCoveragePercent(new BigDecimal("100.5")).build(), "coveragePercent",
                "must be between 0 and 100");
        assertThat(anAccount().withCoveragePercent(new BigDecimal("100")).build().coveragePercent())
                .isEqualByComparingTo("100");
    }

    @Test
    void a_customer_needs_an_id_and_an_account() {
        refused(() -> aCustomer().withId(null).build(), "id", "is required");
        refused(() -> aCustomer().withoutAccount().build(),
                "creditAccount", "is required");
    }

    @Test
    void balance_sheet_figures_that_cannot_be_negative_are_refused_while_equity_may_be() {
        refused(() -> new Financials(new BigDecimal("-1"), null, null, null, null, null), "totalAssets",
                "cannot be negative");
        refused(() -> new Financials(null, null, null, null, null, null, null, null, null, null, new BigDecimal("-1"),
                null, null), "cash", "cannot be negative");
        Financials distressed = new Financials(new BigDecimal("100"), new BigDecimal("150"), new BigDecimal("-50"),
                new BigDecimal("-10"), new BigDecimal("1000"), DAY);
        assertThat(distressed.negativeEquity()).isTrue();
    }

    @Test
    void an_invoice_cannot_fall_due_before_it_was_issued() {
        refused(() -> new OverdueInvoice("INV-1", new BigDecimal("1200"), DAY, DAY.minusDays(1), false, null, null),
                "dueDate", "must not be before issuedOn");
        refused(() -> new OverdueInvoice("INV-1", new BigDecimal("-1"), DAY, DAY, false, null, null),
                "amount", "cannot be negative");
        refused(() -> new OverdueInvoice("INV-1", new BigDecimal("1"), DAY, null, false, null, null),
                "dueDate", "is required");
    }

    @Test
    void promises_and_past_dunning_steps_are_checked_too() {
        refused(() -> new PaymentPromise(DAY, new BigDecimal("-1"), PaymentPromise.PromiseStatus.PENDING), "amount",
                "cannot be negative");
        refused(() -> new PaymentPromise(null, BigDecimal.ONE, PaymentPromise.PromiseStatus.KEPT), "promisedFor",
                "is required");
        refused(() -> new DunningRecord(-1, "LETTER", DAY), "level", "cannot be negative");
        refused(() -> new PaymentTerms(-1, false), "days", "cannot be negative");
        refused(() -> new ExternalRating("Altares", 101, DAY), "score", "must be between 0 and 100");
        refused(() -> new PaymentBehaviour(0, new BigDecimal("-2"), null), "averageDaysLate", "cannot be negative");
    }

    @Test
    void a_field_nested_in_a_fact_is_named_by_its_path() {
        refused(() -> InvalidFact.within("customer", () -> InvalidFact.within("creditAccount",
                () -> anAccount().withCoveragePercent(new BigDecimal("-1")).build())),
                "customer.creditAccount.coveragePercent", "must be between 0 and 100");
    }

    @Test
    void a_request_refuses_a_negative_order_amount_and_missing_parts() {
        Customer customer = aCustomer().build();
        refused(() -> new PaymentTermsRequest(customer, new PaymentTerms(60, false), new BigDecimal("-1"), null, DAY),
                "orderAmount", "cannot be negative");
        refused(() -> new OrderCheckRequest(customer, null, null, DAY), "order", "is required");
        refused(() -> new DunningRequest(customer, null, null, DAY), "invoice", "is required");
        assertThat(new OrderCheckRequest(customer, null, anOrder().build(), DAY).exposure()).isEqualTo(Exposure.none());
        assertThat(new OverdueInvoice("INV-1", BigDecimal.TEN, DAY, DAY, false, null, null).promises())
                .isEqualTo(List.of());
    }

    private static void refused(ThrowingCallable building, String field, String reason) {
        assertThatThrownBy(building).isInstanceOfSatisfying(InvalidFact.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).isEqualTo(field + " " + reason);
        });
    }
}
