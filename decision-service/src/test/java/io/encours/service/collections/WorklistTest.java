package io.encours.service.collections;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.decision.DunningStep;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How one customer's decided invoices become the day's lines, and what a second run of the day changes. */
class WorklistTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    private static final Instant NOW = Instant.parse("2026-12-03T05:00:00Z");
    private static final Worklist.Customer CUSTOMER = new Worklist.Customer("C-1", "Ateliers Dupont", "j.martin", "EUR");
    private static final DunningTerms TERMS = DunningTerms.of(Map.of(
            "dunning.preDueWindowDays", "7", "dunning.priority.classWeight.C", "3"));

    private static Worklist.Evaluated step(String invoice, int level, String action, String channel, String amount,
                                           String interest) {
        DunningStep s = new DunningStep("RECURRENTLY_LATE", level, action, channel, 10, DAY.plusDays(10), "HIGH",
                new BigDecimal("12.15"), new BigDecimal(interest), level == 0 ? null : new BigDecimal("40"), null, false);
        return new Worklist.Evaluated(invoice, DAY.minusDays(40), DAY.minusDays(15), new BigDecimal(amount),
                BigDecimal.ZERO, new BigDecimal(amount), "DUN", s, "C", "dec-" + invoice);
    }

    private static Worklist.Evaluated waiting(String invoice) {
        return new Worklist.Evaluated(invoice, DAY.minusDays(40), DAY.minusDays(15), BigDecimal.TEN, BigDecimal.ZERO,
                BigDecimal.TEN, "WAIT", null, "C", "dec-" + invoice);
    }

    private static Worklist.Plan plan(List<Worklist.Evaluated> evaluated, List<WorklistLine> existing) {
        return Worklist.plan(DAY, CUSTOMER, "run-1", NOW, TERMS, evaluated, existing);
    }

    @Test
    void invoicesAtTheSameStepAreOneLineWithTheirChargesAndPriorityRiskTimesAmount() {
        Worklist.Plan plan = plan(List.of(
                step("INV-1", 4, "REGISTERED_LETTER", "REGISTERED_MAIL", "1000.00", "4.99"),
                step("INV-2", 4, "REGISTERED_LETTER", "REGISTERED_MAIL", "2000.00", "7.99"),
                step("INV-3", 2, "PHONE_CALL", "PHONE", "300.00", "0.50"),
                waiting("INV-4")), List.of());

        assertThat(plan.inserts()).hasSize(2);
        WorklistLine letter = plan.inserts().stream().filter(l -> l.level() == 4).findFirst().orElseThrow();
        assertThat(letter.invoices()).extracting(WorklistLine.LineInvoice::invoiceId).containsExactly("INV-1", "INV-2");
        assertThat(letter.amount()).isEqualByComparingTo("3000.00");
        assertThat(letter.lateInterest()).isEqualByComparingTo("12.98");
        assertThat(letter.recoveryIndemnity()).isEqualByComparingTo("80");
        assertThat(letter.priority()).isEqualByComparingTo("9000.00");
        assertThat(letter.assignee()).isEqualTo("j.martin");
        assertThat(letter.state()).isEqualTo(LineState.TO_DO);
        assertThat(plan.inserts()).extracting(WorklistLine::id).doesNotHaveDuplicates();
    }

    @Test
    void aSecondRunOfTheDayWithTheSameDecisionsWritesNothing() {
        List<Worklist.Evaluated> evaluated = List.of(step("INV-1", 4, "REGISTERED_LETTER", "REGISTERED_MAIL", "1000", "4.99"));
        WorklistLine line = plan(evaluated, List.of()).inserts().get(0);

        assertThat(plan(evaluated, List.of(line)).isEmpty()).isTrue();
    }

    @Test
    void aLineDoneIsLeftAsItIsAndItsInvoicesAreNotListedAgainThatDay() {
        List<Worklist.Evaluated> evaluated = List.of(step("INV-1", 4, "REGISTERED_LETTER", "REGISTERED_MAIL", "1000", "4.99"));
        WorklistLine done = plan(evaluated, List.of()).inserts().get(0)
                .withState(LineState.DONE, null, "lea", NOW);

        assertThat(plan(evaluated, List.of(done)).isEmpty()).isTrue();
    }

    @Test
    void aNewInvoiceAtAStepWhoseLineWasWorkedGetsALineOfItsOwn() {
        WorklistLine skipped = plan(List.of(step("INV-1", 4, "REGISTERED_LETTER", "REGISTERED_MAIL", "1000", "4.99")),
                List.of()).inserts().get(0).withState(LineState.SKIPPED, "customer called", "lea", NOW);

        Worklist.Plan again = plan(List.of(step("INV-1", 4, "REGISTERED_LETTER", "REGISTERED_MAIL", "1000", "4.99"),
                step("INV-9", 4, "REGISTERED_LETTER", "REGISTERED_MAIL", "500", "1.00")), List.of(skipped));

        assertThat(again.inserts()).hasSize(1);
        assertThat(again.inserts().get(0).sequence()).isEqualTo(2);
        assertThat(again.inserts().get(0).id()).isNotEqualTo(skipped.id());
        assertThat(again.inserts().get(0).invoices()).extracting(WorklistLine.LineInvoice::invoiceId).containsExactly("INV-9");
    }

    @Test
    void aLineToDoFollowsTheInvoicesAndGoesWhenNoneIsLeft() {
        WorklistLine line = plan(List.of(step("INV-1", 4, "REGISTERED_LETTER", "REGISTERED_MAIL", "1000", "4.99"),
                step("INV-2", 4, "REGISTERED_LETTER", "REGISTERED_MAIL", "2000", "7.99")), List.of()).inserts().get(0);

        Worklist.Plan paidOne = plan(List.of(step("INV-1", 4, "REGISTERED_LETTER", "REGISTERED_MAIL", "1000", "4.99"),
                waiting("INV-2")), List.of(line));
        assertThat(paidOne.updates()).hasSize(1);
        assertThat(paidOne.updates().get(0).id()).isEqualTo(line.id());
        assertThat(paidOne.updates().get(0).version()).isEqualTo(line.version() + 1);
        assertThat(paidOne.updates().get(0).amount()).isEqualByComparingTo("1000");

        Worklist.Plan paidAll = plan(new ArrayList<>(List.of(waiting("INV-1"), waiting("INV-2"))), List.of(line));
        assertThat(paidAll.removals()).containsExactly(line);
    }

    @Test
    void aPolicyWithoutTheParametersWeighsEveryClassOneAndLooksSevenDaysAhead() {
        DunningTerms none = DunningTerms.of(Map.of());
        assertThat(none.preDueWindowDays()).isEqualTo(7);
        assertThat(none.priority("E", new BigDecimal("123.456"))).isEqualByComparingTo("123.46");
        assertThat(TERMS.priority(null, BigDecimal.TEN)).isEqualByComparingTo("10.00");
    }

    @Test
    void theDefaultPolicyLooksSevenDaysAheadAndWeighsClassEFive() {
        DunningTerms terms = DunningTerms.of(io.encours.rules.policy.DefaultPolicy.compile());
        assertThat(terms.preDueWindowDays()).isEqualTo(7);
        assertThat(terms.weight("A")).isEqualByComparingTo("1");
        assertThat(terms.weight("E")).isEqualByComparingTo("5");
        assertThat(terms.weight(null)).isEqualByComparingTo("5");
    }

    @Test
    void onlyToDoAndFailedLinesMayBeWorked() {
        assertThat(LineState.TO_DO.mayBecome(LineState.DONE)).isTrue();
        assertThat(LineState.FAILED.mayBecome(LineState.DONE)).isTrue();
        assertThat(LineState.TO_DO.mayBecome(LineState.TO_DO)).isFalse();
        assertThat(LineState.DONE.mayBecome(LineState.SKIPPED)).isFalse();
        assertThat(LineState.SKIPPED.mayBecome(LineState.DONE)).isFalse();
    }
}
