package io.encours.rules.backtest;

import io.encours.rules.backtest.BacktestReport.RocPoint;
import io.encours.rules.backtest.BacktestReport.ScoreCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well scores separate defaulters from the others, from the count of each per score. Exact: the ROC
 * curve has one point per distinct score, ties count half in the AUC, nothing is sampled or binned.
 */
final class Discrimination {
    final double auc;
    final double ks;
    final Integer ksScore;
    final List<RocPoint> roc;
    final List<ScoreCount> distribution;

    Discrimination(Map<Integer, long[]> byScore) {
        TreeMap<Integer, long[]> sorted = new TreeMap<>(byScore);
        long goods = 0;
        long bads = 0;
        for (long[] c : sorted.values()) {
            goods += c[0];
            bads += c[1];
        }
        List<RocPoint> points = new ArrayList<>();
        List<ScoreCount> counts = new ArrayList<>();
        points.add(new RocPoint(null, 0, 0));
        double pairs = 0;
        long goodsBelow = 0;
        long badsBelow = 0;
        double bestGap = 0;
        Integer bestScore = null;
        for (Map.Entry<Integer, long[]> e : sorted.entrySet()) {
            long g = e.getValue()[0];
            long b = e.getValue()[1];
            // Defaulters at this score rank below every non-defaulter scoring higher, tie with those here.
            pairs += b * ((goods - goodsBelow - g) + 0.5 * g);
            goodsBelow += g;
            badsBelow += b;
            double fpr = goods == 0 ? Double.NaN : (double) goodsBelow / goods;
            double tpr = bads == 0 ? Double.NaN : (double) badsBelow / bads;
            points.add(new RocPoint(e.getKey(), fpr, tpr));
            counts.add(new ScoreCount(e.getKey(), g + b, b));
            if (Math.abs(tpr - fpr) > bestGap) {
                bestGap = Math.abs(tpr - fpr);
                bestScore = e.getKey();
            }
        }
        this.auc = goods == 0 || bads == 0 ? Double.NaN : pairs / ((double) goods * bads);
        this.ks = goods == 0 || bads == 0 ? Double.NaN : bestGap;
        this.ksScore = bestScore;
        this.roc = points;
        this.distribution = counts;
    }
}
