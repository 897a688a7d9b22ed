package io.encours.rules.backtest;

import io.encours.rules.backtest.BacktestReport.ClassRate;
import io.encours.rules.backtest.BacktestReport.GridRowRate;
import io.encours.rules.backtest.BacktestReport.RejectedRow;
import io.encours.rules.decision.DecisionResult;
import io.encours.rules.decision.RuleRef;
import io.encours.rules.decision.ScoreLine;
import io.encours.rules.model.CustomerScoreRequest;
import io.encours.rules.policy.CompiledPolicy;
import io.encours.rules.policy.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Back-tests a policy version on a labelled CSV file: each data row is a customer-score request (columns
 * named by their JSON path, such as {@code customer.financials.totalAssets}) with an {@code outcome} column
 * (1 = defaulted or failed, 0 = not). A row that cannot be read or scored is reported with its line and the
 * reason and left out; the run goes on. One record per line: quoted cells may not hold line breaks.
 * <p>
 * Usable from a background job: the policy is only read, the input is streamed, and {@code progress} hears
 * how many rows were read as the run goes.
 */
public final class Backtest {
    /** Rejected rows listed in a report; beyond that they are only counted. */
    public static final int MAX_REJECTED_LISTED = 1_000;
    private static final int PROGRESS_EVERY = 500;

    private Backtest() {
    }

    /**
     * @param policy      the compiled policy version to back-test
     * @param labelled    the labelled CSV (UTF-8, header on line 1); not closed here
     * @param defaultAsOf the decision date for rows without an {@code asOf} column or value
     * @param progress    told the rows read so far; {@link BacktestProgress#NONE} when nobody listens
     * @throws IllegalArgumentException when the header names a column that is no request field, or no outcome
     * @throws IOException              when the input cannot be read
     */
    public static BacktestReport run(CompiledPolicy policy, InputStream labelled, LocalDate defaultAsOf,
                                     BacktestProgress progress) throws IOException {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(defaultAsOf, "defaultAsOf");
        BufferedReader reader = new BufferedReader(new InputStreamReader(labelled, StandardCharsets.UTF_8));
        String headerLine = reader.readLine();
        if (headerLine == null) {
            throw new IllegalArgumentException("the file is empty: a header line is expected");
        }
        List<String> header = Csv.parse(headerLine).get(0);
        RequestColumns columns = new RequestColumns(header, defaultAsOf);

        Map<Integer, long[]> byScore = new HashMap<>();
        Map<String, long[]> byClass = new TreeMap<>();
        Map<RuleRef, long[]> byRow = new HashMap<>();
        Map<RuleRef, ScoreLine> rowLines = new HashMap<>();
        List<RejectedRow> rejected = new ArrayList<>();
        long rejectedCount = 0;
        long used = 0;
        long defaults = 0;
        long line = 1;
        String text;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            String reason = null;
            try {
                List<List<String>> parsed = Csv.parse(text);
                List<String> row = parsed.isEmpty() ? List.of() : parsed.get(0);
                if (row.size() != header.size()) {
                    reason = row.size() + " cells where the header has " + header.size();
                } else {
                    int outcome = columns.outcome(row);
                    CustomerScoreRequest request = columns.request(row, line);
                    DecisionResult result = policy.evaluate(request).result();
                    if (result.score() == null) {
                        reason = "the policy gave no score";
                    } else {
                        count(byScore.computeIfAbsent(result.score(), s -> new long[2]), outcome);
                        long[] c = byClass.computeIfAbsent(Objects.toString(result.riskClass(), "none"),
                                k -> new long[3]);
                        count(c, outcome);
                        c[2] += result.score();
                        for (ScoreLine s : result.scoreBreakdown()) {
                            if (s.source() != null) {
                                count(byRow.computeIfAbsent(s.source(), k -> new long[2]), outcome);
                                rowLines.putIfAbsent(s.source(), s);
                            }
                        }
                        used++;
                        defaults += outcome;
                    }
                }
            } catch (RuntimeException e) {
                reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (reason != null) {
                rejectedCount++;
                if (rejected.size() < MAX_REJECTED_LISTED) {
                    rejected.add(new RejectedRow(line, reason));
                }
            }
            if ((used + rejectedCount) % PROGRESS_EVERY == 0) {
                progress.rowsRead(used + rejectedCount);
            }
        }
        progress.rowsRead(used + rejectedCount);

        Discrimination d = new Discrimination(byScore);
        List<ClassRate> classes = new ArrayList<>();
        byClass.forEach((k, c) -> classes.add(new ClassRate(k, c[0] + c[1], c[1], rate(c), (double) c[2] / (c[0] + c[1]))));
        classes.sort(Comparator.comparingDouble(ClassRate::meanScore).reversed());
        boolean monotone = true;
        for (int i = 1; i < classes.size(); i++) {
            monotone &= classes.get(i).defaultRate() > classes.get(i - 1).defaultRate();
        }
        List<GridRowRate> rows = new ArrayList<>();
        byRow.forEach((ref, c) -> rows.add(new GridRowRate(ref.file(), ref.table(), ref.row(),
                rowLines.get(ref).criterion(), rowLines.get(ref).points(), c[0] + c[1], c[1], rate(c))));
        rows.sort(Comparator.comparing(GridRowRate::file, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(GridRowRate::table, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparingInt(GridRowRate::row));
        return new BacktestReport(policy.stamp(), used, rejectedCount, defaults, d.auc,
                Double.isNaN(d.auc) ? Double.NaN : 2 * d.auc - 1, d.ks, d.ksScore, d.roc, classes, monotone, rows,
                d.distribution, rejected);
    }

    /**
     * Checks a labelled file's header line alone, before a run is started (the API answers 400 at once).
     *
     * @throws IllegalArgumentException naming a column that is no request field, or a missing outcome
     */
    public static void checkHeader(String headerLine) {
        if (headerLine == null || headerLine.isBlank()) {
            throw new IllegalArgumentException("the file is empty: a header line is expected");
        }
        new RequestColumns(Csv.parse(headerLine).get(0), LocalDate.EPOCH);
    }

    private static void count(long[] counts, int outcome) {
        counts[outcome]++;
    }

    private static double rate(long[] c) {
        return (double) c[1] / (c[0] + c[1]);
    }
}
