package io.encours.rules.decision;

/**
 * Where a rule lives in the policy: its name, the file, and for a decision-table row the table and the
 * spreadsheet row (1-based, as Excel shows it); {@code row} is 0 for a DRL rule.
 */
public record RuleRef(String rule, String file, String table, int row) {

    @Override
    public String toString() {
        return row > 0 ? file + " " + table + " row " + row : file + " rule \"" + rule + "\"";
    }
}
