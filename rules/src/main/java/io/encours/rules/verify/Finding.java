package io.encours.rules.verify;

import java.util.List;

/**
 * Something the verifier found in a decision table, naming the table and its spreadsheet rows.
 *
 * @param kind UNREACHABLE: a row whose conditions can never hold together; OVERLAP: two rows that can
 *             apply to the same case with different results; GAP: a case no row covers; DUPLICATE: two
 *             rows with the same conditions and results
 */
public record Finding(Kind kind, String file, String table, List<Integer> rows, String message) {

    public enum Kind { UNREACHABLE, OVERLAP, GAP, DUPLICATE }

    @Override
    public String toString() {
        return kind + " " + file + " table " + table + (rows.isEmpty() ? "" : " rows " + rows) + ": " + message;
    }
}
