package io.encours.rules.verify;

import io.encours.rules.policy.TableSheet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision table as a person reads it: its condition and action columns (with their headings and what
 * field each condition tests) and its data rows, located by spreadsheet row and column letter.
 */
public record DecisionTableModel(String file, String sheet, String name, List<Column> conditions,
                                 List<Column> actions, List<Row> rows) {

    /** How a condition column compares its cell with a field. */
    public enum Operator { EQUALS, AT_LEAST, ABOVE, BELOW, AT_MOST }

    /**
     * One column. For a condition, {@code field} is "FactType.field" and {@code textual} tells whether the
     * cell is a text (quoted in the rule) or a number/boolean.
     */
    public record Column(int index, String letter, String kind, String label, String field, Operator operator,
                         boolean textual) {
    }

    /** One data row: its spreadsheet row (1-based) and its cells by column index. */
    public record Row(int sheetRow, Map<Integer, String> cells) {
        public String cell(Column c) {
            String v = cells.get(c.index());
            return v == null ? "" : v;
        }
    }

    private static final Pattern CONSTRAINT = Pattern.compile(
            "(\\w+)\\s*(==|>=|<=|>|<)\\s*(\"?)\\$param\"?");

    /** Every table found in a sheet (usually one). */
    public static List<DecisionTableModel> parse(TableSheet sheet) {
        List<DecisionTableModel> tables = new ArrayList<>();
        for (int r = 0; r < sheet.rows().size(); r++) {
            int start = sheet.firstNonBlankColumn(r);
            if (start < 0 || !sheet.cell(r, start).startsWith("RuleTable")) {
                continue;
            }
            String name = sheet.cell(r, start).substring("RuleTable".length()).trim();
            List<Column> conditions = new ArrayList<>();
            List<Column> actions = new ArrayList<>();
            String factType = "";
            int width = sheet.rows().get(Math.min(r + 1, sheet.rows().size() - 1)).size();
            for (int c = start; c < width; c++) {
                String kind = sheet.cell(r + 1, c).toUpperCase();
                String type = sheet.cell(r + 2, c).replaceAll("^\\$\\w+\\s*:\\s*", "").replace("...", "").trim();
                String snippet = sheet.cell(r + 3, c);
                String label = sheet.cell(r + 4, c);
                if (kind.equals("CONDITION")) {
                    if (!type.isEmpty()) {
                        factType = type;
                    }
                    Matcher m = CONSTRAINT.matcher(snippet);
                    String field = null;
                    Operator op = null;
                    boolean textual = false;
                    while (m.find()) {
                        field = factType + "." + m.group(1);
                        op = switch (m.group(2)) {
                            case ">=" -> Operator.AT_LEAST;
                            case ">" -> Operator.ABOVE;
                            case "<" -> Operator.BELOW;
                            case "<=" -> Operator.AT_MOST;
                            default -> Operator.EQUALS;
                        };
                        textual = !m.group(3).isEmpty();
                    }
                    conditions.add(new Column(c, TableSheet.columnLetter(c), kind, label, field, op, textual));
                } else if (!kind.isEmpty()) {
                    actions.add(new Column(c, TableSheet.columnLetter(c), kind, label, null, null, false));
                }
            }
            List<Row> rows = new ArrayList<>();
            for (int d = r + 5; d < sheet.rows().size(); d++) {
                int first = sheet.firstNonBlankColumn(d);
                if (first < 0 || sheet.cell(d, first).startsWith("RuleTable")) {
                    break;
                }
                Map<Integer, String> cells = new LinkedHashMap<>();
                for (Column col : conditions) {
                    cells.put(col.index(), sheet.cell(d, col.index()));
                }
                for (Column col : actions) {
                    cells.put(col.index(), sheet.cell(d, col.index()));
                }
                rows.add(new Row(d + 1, cells));
            }
            tables.add(new DecisionTableModel(sheet.file(), sheet.sheet(), name, conditions, actions, rows));
        }
        return tables;
    }
}
