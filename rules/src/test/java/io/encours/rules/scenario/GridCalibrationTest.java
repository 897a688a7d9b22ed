package io.encours.rules.scenario;

import static io.encours.rules.model.Facts.aCustomer;
import static io.encours.rules.model.Facts.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.model.Customer;
import io.encours.rules.model.CustomerScoreRequest;
import io.encours.rules.model.ExternalRating;
import io.encours.rules.model.Financials;
import io.encours.rules.model.PaymentBehaviour;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.Csv;
import io.encours.rules.policy.DefaultPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sanity check of the grid's solvency bands on real agency ratings: with everything else equal (the
 * income-statement figures known and middling), companies rated investment grade (BBB and above) must score
 * higher on average than speculative ones, and fall less often below class B.
 */
class GridCalibrationTest {
    private static final Set<String> INVESTMENT_GRADE = Set.of("AAA", "AA", "A", "BBB");
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final BigDecimal ASSETS = new BigDecimal("1000000");
    // Known and middling, so that neither saturates the score (missing data scores as the worst band).
    private static final ExternalRating NEUTRAL_RATING = new ExternalRating("calibration", 50, AS_OF);
    private static final PaymentBehaviour NEUTRAL_BEHAVIOUR = new PaymentBehaviour(1, BigDecimal.TEN, null);

    @Test
    void investmentGradeCompaniesScoreAboveSpeculativeOnes() throws IOException {
        CompiledPolicy policy = DefaultPolicy.compile();
        List<List<String>> rows;
        try (InputStream in = getClass().getResourceAsStream("/calibration/corporate-ratings-ratios.csv")) {
            rows = Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        long[] count = new long[2];
        long[] total = new long[2];
        long[] weak = new long[2];
        for (List<String> row : rows.subList(1, rows.size())) {
            BigDecimal debtRatio = new BigDecimal(row.get(1));
            if (debtRatio.signum() <= 0) {
                continue;
            }
            BigDecimal debts = ASSETS.multiply(debtRatio).setScale(0, RoundingMode.HALF_EVEN);
            BigDecimal equity = ASSETS.subtract(debts);
            BigDecimal netDebt = new BigDecimal(row.get(2)).multiply(equity.abs()).setScale(0, RoundingMode.HALF_EVEN);
            Customer customer = aCustomer().knownOn(AS_OF).withId("C").named("calibration").inCountry("US")
                    .withLegalForm("SA").inBusinessFor(20).rated(NEUTRAL_RATING)
                    .withFinancials(neutralFinancials(debts, equity, netDebt)).paying(NEUTRAL_BEHAVIOUR)
                    .withAccount(anAccount().withInternalLimit(null).uninsured().neverReviewed())
                    .build();
            var result = policy.evaluate(new CustomerScoreRequest(customer, AS_OF)).result();
            int g = INVESTMENT_GRADE.contains(row.get(0)) ? 0 : 1;
            count[g]++;
            total[g] += result.score();
            if (Set.of("C", "D", "E").contains(result.riskClass())) {
                weak[g]++;
            }
        }
        double investment = (double) total[0] / count[0];
        double speculative = (double) total[1] / count[1];
        assertThat(count[0]).isGreaterThan(1_000);
        assertThat(count[1]).isGreaterThan(800);
        assertThat(investment).as("mean score, investment grade vs speculative").isGreaterThan(speculative + 2);
        assertThat((double) weak[0] / count[0]).isLessThan((double) weak[1] / count[1]);
    }

    /** Return on assets 3 %, current ratio 1.5, interest cover 2, revenue 5 million and stable: 0 points each. */
    private static Financials neutralFinancials(BigDecimal debts, BigDecimal equity, BigDecimal netDebt) {
        return new Financials(ASSETS, debts, equity, netDebt, new BigDecimal("5000000"), null,
                new BigDecimal("30000"), new BigDecimal("40000"), new BigDecimal("300000"), new BigDecimal("200000"),
                null, new BigDecimal("20000"), new BigDecimal("5000000"));
    }
}
