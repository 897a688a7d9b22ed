package io.encours.rules.backtest;

import io.encours.rules.decision.PolicyStamp;
import java.util.List;
import java.util.Locale;

/**
 * What a back-test found. Rates are fractions (0.042 = 4.2 %); scores rank from risky (low) to safe (high).
 *
 * @param policy          the policy version back-tested
 * @param rowsUsed        data rows scored
 * @param rowsRejected    data rows left out (each in {@code rejected}, up to {@link Backtest#MAX_REJECTED_LISTED})
 * @param defaults        rows used whose outcome is 1
 * @param auc             area under the ROC curve: the chance a random defaulter scores below a random
 *                        non-defaulter (ties count half); 0.5 is chance, 1 is perfect
 * @param gini            2 x AUC - 1
 * @param ks              Kolmogorov-Smirnov statistic: the largest gap between the share of defaulters and
 *                        the share of non-defaulters scoring at or below one score
 * @param ksScore         the score where that gap is largest
 * @param roc             the ROC curve from (0, 0) to (1, 1), one point per distinct score
 * @param classes         per risk class, safest first (by mean score)
 * @param classesMonotone true when the default rate falls strictly from each class to the next safer one
 * @param gridRows        per scoring-grid row that fired for some company, in table order
 * @param distribution    per distinct score, ascending
 */
public record BacktestReport(
        PolicyStamp policy,
        long rowsUsed,
        long rowsRejected,
        long defaults,
        double auc,
        double gini,
        double ks,
        Integer ksScore,
        List<RocPoint> roc,
        List<ClassRate> classes,
        boolean classesMonotone,
        List<GridRowRate> gridRows,
        List<ScoreCount> distribution,
        List<RejectedRow> rejected) {

    public BacktestReport {
        roc = List.copyOf(roc);
        classes = List.copyOf(classes);
        gridRows = List.copyOf(gridRows);
        distribution = List.copyOf(distribution);
        rejected = List.copyOf(rejected);
    }

    /** The line the policy tool prints: {@code AUC 0.759, Gini 0.518, KS 0.402, 7027 rows}. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "AUC %.3f, Gini %.3f, KS %.3f, %d rows", auc, gini, ks, rowsUsed);
    }

    /** A data row left out, with its line in the file (the header is line 1) and why. */
    public record RejectedRow(long line, String reason) {
    }

    /**
     * One point of the ROC curve: treating every company scoring at or below {@code score} as a predicted
     * default catches {@code truePositiveRate} of the defaulters and wrongly flags {@code falsePositiveRate}
     * of the others. The first point (0, 0) has a null score.
     */
    public record RocPoint(Integer score, double falsePositiveRate, double truePositiveRate) {
    }

    /** Companies the policy put in one risk class. */
    public record ClassRate(String riskClass, long count, long defaults, double defaultRate, double meanScore) {
    }

    /** Companies one scoring-grid row gave points to. */
    public record GridRowRate(String file, String table, int row, String criterion, int points, long count,
                              long defaults, double defaultRate) {
    }

    /** Companies with one score. */
    public record ScoreCount(int score, long count, long defaults) {
    }
}
