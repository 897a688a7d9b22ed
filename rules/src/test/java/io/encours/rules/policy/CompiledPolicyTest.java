package io.encours.rules.policy;

import static io.encours.rules.model.Facts.aCustomer;
import static io.encours.rules.model.Facts.anExposure;
import static io.encours.rules.model.Facts.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.Evaluation;
import io.encours.rules.model.Customer;
import io.encours.rules.model.CustomerScoreRequest;
import io.encours.rules.model.DecisionType;
import io.encours.rules.model.Exposure;
import io.encours.rules.model.Order;
import io.encours.rules.model.OrderCheckRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompiledPolicyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static CompiledPolicy policy;

    @BeforeAll
    static void compile() {
        policy = DefaultPolicy.compile();
    }

    @Test
    void anOrderCheckCarriesItsReasonsInEnglishAndFrenchWithTheirSourceRow() {
        Evaluation evaluation = policy.evaluate(DecisionType.ORDER_CHECK, order(BigDecimal.valueOf(90_000), false));
        DecisionResult result = evaluation.result();

        assertThat(result.outcome()).isEqualTo("REVIEW");
        assertThat(result.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("MISSING_PURCHASE_ORDER");
            assertThat(r.message(Locale.ENGLISH)).isEqualTo("The customer's purchase order is missing.");
            assertThat(r.message(Locale.FRENCH)).isEqualTo("Le bon de commande du client est manquant.");
            assertThat(r.source().file()).isEqualTo("order-checks.drl.csv");
            assertThat(r.source().row()).isEqualTo(23);
        });
        assertThat(result.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
            assertThat(r.message(Locale.ENGLISH)).contains("105,000 EUR", "100,000 EUR");
        });
        assertThat(result.firedRules()).extracting(f -> f.file()).contains("scoring-grid.drl.xlsx",
                "risk-classes.drl.xlsx", "order-checks.drl.csv", "credit-policy.drl");
        assertThat(evaluation.policy()).isEqualTo(policy.stamp());
        assertThat(evaluation.evaluationNanos()).isPositive();
    }

    @Test
    void theVocabularyListsExactlyTheSectorsAndLegalFormsTheScoringGridScores() throws Exception {
        List<List<String>> grid = TableSheet.read("scoring-grid.drl.xlsx",
                DefaultPolicy.bundle().bytes("scoring-grid.drl.xlsx")).get(0).rows();
        Vocabulary vocabulary = policy.vocabulary();

        assertThat(vocabulary.codes("customer.sector")).containsExactlyInAnyOrderElementsOf(categories(grid, "SECTOR"));
        assertThat(vocabulary.codes("customer.legalForm"))
                .containsExactlyInAnyOrderElementsOf(categories(grid, "LEGAL_FORM"));
        assertThat(vocabulary.allows("customer.sector", "SPACE_PIRACY")).isFalse();
        assertThat(vocabulary.allows("customer.country", "FR")).as("a field the policy does not list").isTrue();
    }

    private static List<String> categories(List<List<String>> grid, String criterion) {
        return grid.stream().filter(r -> r.size() > 1 && r.get(0).trim().equals(criterion) && !r.get(1).isBlank())
                .map(r -> r.get(1).trim()).toList();
    }

    @Test
    void theDecisionTypeMustMatchTheRequest() {
        assertThatThrownBy(() -> policy.evaluate(DecisionType.DUNNING, order(BigDecimal.TEN, true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void evaluationsFromManyThreadsGiveTheSameResultsWhileAnotherPolicyCompiles() throws Exception {
        OrderCheckRequest approve = order(BigDecimal.valueOf(10_000), true);
        OrderCheckRequest review = order(BigDecimal.valueOf(90_000), false);
        CustomerScoreRequest score = new CustomerScoreRequest(approve.customer(), TODAY);
        DecisionResult expectedApprove = policy.evaluate(approve).result();
        DecisionResult expectedReview = policy.evaluate(review).result();
        DecisionResult expectedScore = policy.evaluate(score).result();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<CompilationResult> recompiled = pool.submit(() -> new PolicyCompiler().compile(DefaultPolicy.bundle()));
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                workers.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 1_000; i++) {
                        assertThat(policy.evaluate(approve).result()).isEqualTo(expectedApprove);
                        assertThat(policy.evaluate(review).result()).isEqualTo(expectedReview);
                        assertThat(policy.evaluate(score).result()).isEqualTo(expectedScore);
                        checked += 3;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> w : workers) {
                assertThat(w.get()).isEqualTo(3_000);
            }
            assertThat(recompiled.get().succeeded()).isTrue();
            assertThat(recompiled.get().policy().evaluate(review).result()).isEqualTo(expectedReview);
        } finally {
            pool.shutdownNow();
        }
    }

    private static OrderCheckRequest order(BigDecimal amount, boolean purchaseOrder) {
        Customer customer = aCustomer().knownOn(TODAY).build();
        Exposure exposure = anExposure().build();
        Order order = anOrder().of(amount).withPurchaseOrder(purchaseOrder).build();
        return new OrderCheckRequest(customer, exposure, order, TODAY);
    }
}
