/**
 * Back-testing: how well a policy version's scoring grid ranks real outcomes. A credit committee runs any
 * version (draft or active) on a labelled file of companies (one column per customer-score request field,
 * plus {@code outcome}, 1 = defaulted) and reads AUC, Gini, KS, the ROC curve, the default rate of each risk
 * class with a monotonicity verdict, the default rate of the companies each scoring-grid row fired for, and
 * the score distribution, before approving the grid.
 */
package io.encours.rules.backtest;
