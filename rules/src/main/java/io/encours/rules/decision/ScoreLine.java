package io.encours.rules.decision;

import java.math.BigDecimal;

/** One line of a score breakdown: the criterion, the value seen (null when unknown), the points and the row. */
public record ScoreLine(String criterion, String value, int points, RuleRef source) {
    public static String show(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }
}
