package io.encours.rules.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.encours.rules.backtest.BacktestReport.RocPoint;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscriminationTest {

    @Test
    void aucKsAndRocMatchAHandComputation() {
        // score -> {non-defaulters, defaulters}: 4 non-defaulters, 3 defaulters.
        Discrimination d = new Discrimination(Map.of(10, new long[] {0, 2}, 20, new long[] {1, 1}, 30, new long[] {3, 0}));

        // Pairs (defaulter below non-defaulter): 2 x 4 at score 10, 1 x 3 + 1 x 1 tie (half) at 20 = 11.5 of 12.
        assertThat(d.auc).isCloseTo(11.5 / 12, within(1e-12));
        // Cumulative defaulters / non-defaulters at or below: 10 -> 2/3 vs 0, 20 -> 1 vs 1/4, 30 -> 1 vs 1.
        assertThat(d.ks).isCloseTo(0.75, within(1e-12));
        assertThat(d.ksScore).isEqualTo(20);
        assertThat(d.roc).containsExactly(new RocPoint(null, 0, 0), new RocPoint(10, 0, 2.0 / 3),
                new RocPoint(20, 0.25, 1), new RocPoint(30, 1, 1));
    }

    @Test
    void aGridThatRanksNothingHasAnAucOfOneHalf() {
        Discrimination d = new Discrimination(Map.of(50, new long[] {10, 5}));

        assertThat(d.auc).isEqualTo(0.5);
        assertThat(d.ks).isZero();
    }

    @Test
    void withoutAnyDefaulterThereIsNothingToRank() {
        Discrimination d = new Discrimination(Map.of(50, new long[] {10, 0}));

        assertThat(d.auc).isNaN();
    }
}
