package io.encours.rules.backtest;

/** Told how many data rows have been read so far (used and rejected), every few hundred rows and at the end. */
@FunctionalInterface
public interface BacktestProgress {
    BacktestProgress NONE = rows -> { };

    void rowsRead(long rows);
}
