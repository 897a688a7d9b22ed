package io.encours.service.editor;

import java.util.List;

/**
 * One decision table as the editor shows it: the same rows and columns as its file, each column headed in
 * words and typed, each row numbered as in the file (the number compile errors, verifier findings and
 * fired rules give).
 *
 * @param firstRow the file row (1-based) of the first data row; row {@code i} of an edit lands on
 *                 {@code firstRow + i}
 */
record PolicyTable(String file, String sheet, String table, String notes, int firstRow, List<Column> columns,
                   List<Row> rows) {

    /** The kind of value a column holds, as the grid validates it. */
    enum ValueType { NUMBER, TEXT, BOOLEAN }

    /**
     * One column: its 0-based index and letter in the file, CONDITION or ACTION (or another Drools column
     * kind), the heading people read, the value type, and for a condition the fact field it tests.
     */
    record Column(int index, String letter, String kind, String header, ValueType type, String field,
                  String operator) {
    }

    /** One data row: its row number in the file and its cells in the order of the columns. */
    record Row(int sourceRow, List<String> cells) {
        Row {
            cells = List.copyOf(cells);
        }
    }

    PolicyTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
