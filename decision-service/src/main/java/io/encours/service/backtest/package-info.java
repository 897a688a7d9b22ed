/**
 * Back-tests of a policy version through the API: a labelled CSV (one company a row, an {@code outcome}
 * column) scored in the background by {@link io.encours.rules.backtest.Backtest}, followed like a
 * simulation, its report kept with the version it back-tested.
 */
package io.encours.service.backtest;
