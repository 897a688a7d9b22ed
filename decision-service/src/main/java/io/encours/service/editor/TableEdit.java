package io.encours.service.editor;

import java.util.List;

/**
 * The new rows of one table of a file, each row's cells in the order of the table's columns (as the
 * editor read them). Rows may be added, removed and reordered; the file keeps everything else.
 *
 * @param sheet the sheet of an XLSX file (null: the sheet that holds the table)
 * @param table the table's name, as after {@code RuleTable}
 */
record TableEdit(String sheet, String table, List<List<String>> rows) {
    TableEdit {
        rows = rows == null ? List.of() : rows.stream().map(r -> r == null ? List.<String>of() : r).toList();
    }
}
