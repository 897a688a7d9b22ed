package io.encours.rules.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.encours.rules.backtest.BacktestReport.ClassRate;
import io.encours.rules.backtest.BacktestReport.RejectedRow;
import io.encours.rules.decision.DecisionResult;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.Csv;
import io.encours.rules.policy.DefaultPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hand-made labelled file, scored by the default policy; the report is checked against an independent
 * computation: each row scored on its own, AUC by comparing every defaulter with every non-defaulter, KS by
 * trying every threshold, class rates by counting.
 */
class BacktestTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    private static final String HEADER = "customer.sector,customer.legalForm,customer.foundingDate,"
            + "customer.externalRating.score,customer.externalRating.ratedOn,"
            + "customer.paymentBehaviour.incidentsLast12Months,customer.paymentBehaviour.averageDaysLate,"
            + "customer.financials.totalAssets,customer.financials.totalDebts,customer.financials.netIncome,"
            + "customer.financials.revenue,outcome";
    private static final String FILE = HEADER + """

            MANUFACTURING,SAS,2010-01-01,72,2026-03-01,0,2,5000000,2500000,300000,8000000,0
            SERVICES,SA,2000-01-01,85,2026-04-01,0,1,2000000,400000,200000,3000000,0
            WHOLESALE,SARL,2015-01-01,60,2026-01-10,1,8,3000000,2000000,60000,6000000,0
            IT,SAS,2021-01-01,55,2026-02-01,1,12,800000,600000,10000,900000,1
            RETAIL,SARL,2023-01-01,45,2026-05-01,3,20,1600000,1300000,-50000,4000000,0
            CONSTRUCTION,SOLE_TRADER,2025-01-01,15,2026-05-01,6,70,300000,400000,-80000,500000,1
            HOSPITALITY,EURL,2019-01-01,35,2024-01-01,2,30,900000,850000,-20000,1200000,1
            TRANSPORT,SAS,2012-01-01,65,2026-01-01,0,4,4000000,2000000,150000,9000000,0
            MANUFACTURING,SARL,2018-01-01,50,2026-03-01,1,10,1000000,900000,5000,2000000,1
            HEALTHCARE,SA,2005-01-01,80,2026-02-01,0,3,6000000,1500000,500000,12000000,0

            ENERGY,SAS,2008-01-01,70,2026-01-01,0,5,7000000,3000000,400000,15000000,0
            SERVICES,SARL,2020-01-01,40,2026-01-01,2,15,500000,450000,,800000,1
            RETAIL,SAS,2016-01-01,not-a-score,2026-01-01,0,5,1000000,500000,1000,1000000,0
            RETAIL,SAS,2016-01-01,60,2026-01-01,0,5,1000000,500000,1000,1000000,2
            RETAIL,SAS,2016-01-01,60,2026-01-01,0,5
            """;

    private static CompiledPolicy policy;

    @BeforeAll
    static void compile() {
        policy = DefaultPolicy.compile();
    }

    @Test
    void aucKsAndClassRatesAgreeWithAnIndependentCount() throws IOException {
        BacktestReport report = Backtest.run(policy, stream(FILE), AS_OF, BacktestProgress.NONE);

        List<int[]> scored = scoreEachRowOnItsOwn();
        assertThat(report.rowsUsed()).isEqualTo(scored.size()).isEqualTo(12);
        assertThat(report.defaults()).isEqualTo(scored.stream().filter(s -> s[1] == 1).count()).isEqualTo(5);
        assertThat(report.auc()).isCloseTo(pairwiseAuc(scored), within(1e-12));
        assertThat(report.gini()).isCloseTo(2 * pairwiseAuc(scored) - 1, within(1e-12));
        assertThat(report.ks()).isCloseTo(bruteForceKs(scored), within(1e-12));
        assertThat(report.distribution().stream().mapToLong(BacktestReport.ScoreCount::count).sum()).isEqualTo(12);
        assertThat(report.roc().get(report.roc().size() - 1)).satisfies(p -> {
            assertThat(p.falsePositiveRate()).isEqualTo(1.0);
            assertThat(p.truePositiveRate()).isEqualTo(1.0);
        });
        Map<String, long[]> byClass = classCounts();
        assertThat(report.classes()).hasSize(byClass.size());
        for (ClassRate c : report.classes()) {
            long[] expected = byClass.get(c.riskClass());
            assertThat(new long[] {c.count(), c.defaults()}).as(c.riskClass()).containsExactly(expected);
            assertThat(c.defaultRate()).isEqualTo((double) expected[1] / expected[0]);
        }
        assertThat(report.summaryLine()).matches("AUC 0\\.\\d{3}, Gini -?0\\.\\d{3}, KS 0\\.\\d{3}, 12 rows");
    }

    @Test
    void badRowsAreReportedWithTheirLineAndReasonAndTheRunGoesOn() throws IOException {
        BacktestReport report = Backtest.run(policy, stream(FILE), AS_OF, BacktestProgress.NONE);

        // Line 1 is the header, line 12 is blank and skipped.
        assertThat(report.rowsRejected()).isEqualTo(3);
        assertThat(report.rejected()).extracting(RejectedRow::line).containsExactly(15L, 16L, 17L);
        assertThat(report.rejected().get(0).reason()).contains("customer.externalRating.score", "not-a-score");
        assertThat(report.rejected().get(1).reason()).contains("outcome '2' is not 0 or 1");
        assertThat(report.rejected().get(2).reason()).contains("7 cells where the header has 12");
    }

    @Test
    void eachGridRowIsCountedForTheCompaniesItFiredFor() throws IOException {
        BacktestReport report = Backtest.run(policy, stream(FILE), AS_OF, BacktestProgress.NONE);

        // Every company gets exactly one row of each criterion.
        Map<String, Long> perCriterion = new TreeMap<>();
        report.gridRows().forEach(g -> perCriterion.merge(g.criterion(), g.count(), Long::sum));
        assertThat(perCriterion).containsEntry("SECTOR", 12L).containsEntry("RETURN_ON_ASSETS", 12L)
                .containsEntry("INTEREST_COVER", 12L);
        assertThat(report.gridRows()).allSatisfy(g -> {
            assertThat(g.file()).isEqualTo("scoring-grid.drl.xlsx");
            assertThat(g.defaultRate()).isEqualTo((double) g.defaults() / g.count());
        });
        // The loss-making band fired for the three companies with a negative net income, two of which failed.
        assertThat(report.gridRows()).filteredOn(g -> g.criterion().equals("RETURN_ON_ASSETS") && g.points() == -10)
                .extracting(BacktestReport.GridRowRate::count).containsExactly(3L, 1L);
    }

    @Test
    void classesWhoseDefaultRatesDoNotFallWithTheScoreAreFlagged() throws IOException {
        String file = HEADER + """

                SERVICES,SA,2000-01-01,85,2026-04-01,0,1,2000000,400000,200000,3000000,1
                SERVICES,SA,2000-01-01,85,2026-04-01,0,1,2000000,400000,200000,3000000,1
                CONSTRUCTION,SOLE_TRADER,2025-01-01,15,2026-05-01,6,70,300000,400000,-80000,500000,0
                CONSTRUCTION,SOLE_TRADER,2025-01-01,15,2026-05-01,6,70,300000,400000,-80000,500000,1
                """;

        BacktestReport report = Backtest.run(policy, stream(file), AS_OF, BacktestProgress.NONE);

        assertThat(report.classes()).extracting(ClassRate::riskClass).containsExactly("A", "E");
        assertThat(report.classesMonotone()).isFalse();
        assertThat(report.auc()).isCloseTo(0.5 / 3, within(1e-12));
    }

    @Test
    void progressIsToldTheRowsRead() throws IOException {
        AtomicLong last = new AtomicLong();

        Backtest.run(policy, stream(FILE), AS_OF, last::set);

        assertThat(last.get()).isEqualTo(15);
    }

    @Test
    void aColumnThatIsNoRequestFieldIsRefusedByName() {
        assertThatThrownBy(() -> Backtest.run(policy, stream("customer.turnover,outcome\n1,0\n"), AS_OF,
                BacktestProgress.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'customer.turnover'");
        assertThatThrownBy(() -> Backtest.run(policy, stream("customer.sector\nIT\n"), AS_OF, BacktestProgress.NONE))
                .hasMessageContaining("outcome");
    }

    /** Each valid row as its own request, built here without the back-test's reader: {score, outcome}. */
    private static List<int[]> scoreEachRowOnItsOwn() {
        List<int[]> scored = new ArrayList<>();
        for (Object[] r : validRows()) {
            DecisionResult result = policy.evaluate((io.encours.rules.model.CustomerScoreRequest) r[0]).result();
            scored.add(new int[] {result.score(), (Integer) r[1]});
        }
        return scored;
    }

    private static Map<String, long[]> classCounts() {
        Map<String, long[]> counts = new TreeMap<>();
        for (Object[] r : validRows()) {
            DecisionResult result = policy.evaluate((io.encours.rules.model.CustomerScoreRequest) r[0]).result();
            long[] c = counts.computeIfAbsent(result.riskClass(), k -> new long[2]);
            c[0]++;
            c[1] += (Integer) r[1];
        }
        return counts;
    }

    private static List<Object[]> validRows() {
        List<Object[]> rows = new ArrayList<>();
        List<List<String>> lines = Csv.parse(FILE);
        for (List<String> l : lines.subList(1, 14)) {
            if (l.size() < 12) {
                continue;
            }
            var customer = new io.encours.rules.model.Customer("C", null, "FR", l.get(0), l.get(1),
                    LocalDate.parse(l.get(2)), new io.encours.rules.model.ExternalRating("unknown",
                    Integer.parseInt(l.get(3)), LocalDate.parse(l.get(4))),
                    new io.encours.rules.model.Financials(dec(l.get(7)), dec(l.get(8)), null, null, dec(l.get(10)),
                            null, dec(l.get(9)), null, null, null, null, null, null),
                    new io.encours.rules.model.PaymentBehaviour(Integer.parseInt(l.get(5)), dec(l.get(6)), null),
                    new io.encours.rules.model.CreditAccount(null, null, null, null, null, null, null, null));
            rows.add(new Object[] {new io.encours.rules.model.CustomerScoreRequest(customer, AS_OF),
                    Integer.parseInt(l.get(11))});
        }
        return rows;
    }

    private static java.math.BigDecimal dec(String v) {
        return v.isEmpty() ? null : new java.math.BigDecimal(v);
    }

    /** The definition: the share of (defaulter, non-defaulter) pairs where the defaulter scores lower, ties half. */
    private static double pairwiseAuc(List<int[]> scored) {
        double wins = 0;
        long pairs = 0;
        for (int[] bad : scored) {
            for (int[] good : scored) {
                if (bad[1] == 1 && good[1] == 0) {
                    pairs++;
                    wins += bad[0] < good[0] ? 1 : bad[0] == good[0] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }

    private static double bruteForceKs(List<int[]> scored) {
        double best = 0;
        for (int t = 0; t <= 100; t++) {
            double bads = 0;
            double goods = 0;
            double badAll = 0;
            double goodAll = 0;
            for (int[] s : scored) {
                if (s[1] == 1) {
                    badAll++;
                    bads += s[0] <= t ? 1 : 0;
                } else {
                    goodAll++;
                    goods += s[0] <= t ? 1 : 0;
                }
            }
            best = Math.max(best, Math.abs(bads / badAll - goods / goodAll));
        }
        return best;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
