package io.encours.service.editor;

import io.encours.rules.policy.TableSheet;
import io.encours.rules.verify.DecisionTableModel;
import io.encours.service.editor.PolicyTable.Column;
import io.encours.service.editor.PolicyTable.Row;
import io.encours.service.editor.PolicyTable.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the decision tables of one XLSX or CSV file into typed grids. The heading of a column is the
 * row people read under the Drools template; its type comes from how the template uses the cell (quoted:
 * text; compared: a number, or true/false when the column holds only those).
 */
final class TableReader {
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\\$param[^\"]*\"");
    private static final Pattern COMPARED = Pattern.compile(
            "([<>]=?|==|!=)\\s*\\$param|BigDecimal\\(\"\\$param\"\\)|[(,]\\s*\\$param\\s*[,)]");

    private TableReader() {
    }

    /** Whether a policy file is a decision table the editor shows as a grid. */
    static boolean isTable(String file) {
        String name = file.toLowerCase();
        return name.endsWith(".drl.csv") || name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls");
    }

    static List<PolicyTable> read(String file, byte[] bytes) {
        List<PolicyTable> tables = new ArrayList<>();
        for (TableSheet sheet : sheets(file, bytes)) {
            for (DecisionTableModel model : DecisionTableModel.parse(sheet)) {
                tables.add(typed(sheet, model));
            }
        }
        return tables;
    }

    static List<TableSheet> sheets(String file, byte[] bytes) {
        try {
            return TableSheet.read(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 0-based row of the cell {@code RuleTable <name>} in a sheet, or -1. */
    static int ruleTableRow(TableSheet sheet, String table) {
        for (int r = 0; r < sheet.rows().size(); r++) {
            int c = sheet.firstNonBlankColumn(r);
            if (c >= 0 && sheet.cell(r, c).startsWith("RuleTable")
                    && sheet.cell(r, c).substring("RuleTable".length()).trim().equals(table)) {
                return r;
            }
        }
        return -1;
    }

    private static PolicyTable typed(TableSheet sheet, DecisionTableModel model) {
        int top = ruleTableRow(sheet, model.name());
        List<DecisionTableModel.Column> all = new ArrayList<>(model.conditions());
        all.addAll(model.actions());
        all.sort(Comparator.comparingInt(DecisionTableModel.Column::index));
        List<Column> columns = all.stream().map(c -> new Column(c.index(), c.letter(), c.kind(),
                c.label().isEmpty() ? c.kind() : c.label(), type(sheet.cell(top + 3, c.index()), c.kind(), c, model),
                c.field(), c.operator() == null ? null : c.operator().name())).toList();
        List<Row> rows = model.rows().stream()
                .map(r -> new Row(r.sheetRow(), all.stream().map(r::cell).toList())).toList();
        return new PolicyTable(sheet.file(), sheet.sheet(), model.name(), notes(sheet, top), top + 6, columns, rows);
    }

    private static ValueType type(String template, String kind, DecisionTableModel.Column column,
                                  DecisionTableModel model) {
        if (kind.equals("PRIORITY") || kind.equals("SALIENCE")) {
            return ValueType.NUMBER;
        }
        // new BigDecimal("$param") is quoted but a number; "$param" elsewhere is a text.
        if (!COMPARED.matcher(template).find()) {
            return ValueType.TEXT;
        }
        if (QUOTED.matcher(template).find() && !template.contains("BigDecimal(\"$param\")")) {
            return ValueType.TEXT;
        }
        List<String> values = model.rows().stream().map(r -> r.cell(column)).filter(v -> !v.isBlank()).toList();
        boolean onlyTruth = !values.isEmpty()
                && values.stream().allMatch(v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"));
        return onlyTruth ? ValueType.BOOLEAN : ValueType.NUMBER;
    }

    /** The table's own explanation: the cell after "Notes" above it, if any. */
    private static String notes(TableSheet sheet, int top) {
        for (int r = top - 1; r >= 0; r--) {
            int c = sheet.firstNonBlankColumn(r);
            if (c >= 0 && sheet.cell(r, c).equalsIgnoreCase("Notes")) {
                return sheet.cell(r, c + 1);
            }
        }
        return null;
    }
}
