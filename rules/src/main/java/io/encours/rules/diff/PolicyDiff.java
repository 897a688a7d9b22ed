package io.encours.rules.diff;

import io.encours.rules.policy.Csv;
import io.encours.rules.policy.PolicyBundle;
import io.encours.rules.policy.TableSheet;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Compares two policy bundles file by file: decision tables cell by cell (with the sheet row, column
 * letter and heading), DRL and other text line by line, parameters and reason codes entry by entry, the
 * manifest property by property.
 */
public final class PolicyDiff {
    private PolicyDiff() {
    }

    public static List<Change> between(PolicyBundle before, PolicyBundle after) {
        List<Change> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.files().keySet());
        names.addAll(after.files().keySet());
        for (String name : names) {
            if (!before.has(name)) {
                changes.add(new Change(name, Change.Kind.FILE_ADDED, name, null, name));
            } else if (!after.has(name)) {
                changes.add(new Change(name, Change.Kind.FILE_REMOVED, name, name, null));
            } else if (!java.util.Arrays.equals(before.bytes(name), after.bytes(name))) {
                changes.addAll(fileChanges(name, before, after));
            }
        }
        return changes;
    }

    private static List<Change> fileChanges(String name, PolicyBundle before, PolicyBundle after) {
        if (name.equals(PolicyBundle.MANIFEST)) {
            return keyed(name, Change.Kind.MANIFEST, properties(before.text(name)), properties(after.text(name)));
        }
        if (name.contains(".drl.")) {
            return cells(name, before.bytes(name), after.bytes(name));
        }
        if (name.endsWith(".csv") && isKeyedTable(before.text(name), "name")) {
            return keyed(name, Change.Kind.PARAMETER, csvColumns(before.text(name)), csvColumns(after.text(name)));
        }
        if (name.endsWith(".csv") && isKeyedTable(before.text(name), "code")) {
            return keyed(name, Change.Kind.REASON, csvColumns(before.text(name)), csvColumns(after.text(name)));
        }
        return lines(name, before.text(name), after.text(name));
    }

    private static List<Change> cells(String name, byte[] before, byte[] after) {
        List<Change> changes = new ArrayList<>();
        try {
            List<TableSheet> a = TableSheet.read(name, before);
            List<TableSheet> b = TableSheet.read(name, after);
            for (int s = 0; s < Math.max(a.size(), b.size()); s++) {
                TableSheet x = s < a.size() ? a.get(s) : new TableSheet(name, null, List.of());
                TableSheet y = s < b.size() ? b.get(s) : new TableSheet(name, null, List.of());
                int rows = Math.max(x.rows().size(), y.rows().size());
                for (int r = 0; r < rows; r++) {
                    int cols = Math.max(width(x, r), width(y, r));
                    for (int c = 0; c < cols; c++) {
                        String v1 = x.cell(r, c);
                        String v2 = y.cell(r, c);
                        if (!v1.equals(v2)) {
                            TableSheet shown = y.rows().isEmpty() ? x : y;
                            String heading = heading(shown, r, c);
                            changes.add(new Change(name, Change.Kind.CELL, (y.sheet() == null ? "" : "sheet "
                                    + y.sheet() + ", ") + "row " + (r + 1) + ", column " + TableSheet.columnLetter(c)
                                    + (heading.isEmpty() ? "" : " (" + heading + ")"), v1, v2,
                                    heading.isEmpty() ? null : heading, conditions(r < y.rows().size() ? y : x, r)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changes;
    }

    private static int width(TableSheet sheet, int r) {
        return r < sheet.rows().size() ? sheet.rows().get(r).size() : 0;
    }

    /** The column heading of a data cell: the label row of the table above it. */
    private static String heading(TableSheet sheet, int row, int col) {
        for (int r = Math.min(row, sheet.rows().size() - 1); r >= 0; r--) {
            if (sheet.cell(r, 0).startsWith("RuleTable") || sheet.rows().get(r).stream()
                    .anyMatch(v -> v != null && v.trim().startsWith("RuleTable"))) {
                return row > r + 4 ? sheet.cell(r + 4, col) : "";
            }
        }
        return "";
    }

    /**
     * A data row's own conditions: the heading and value of each condition column ({@code CONDITION} in the
     * table's type row) where the row is not blank; empty for a row outside a table's data rows.
     */
    private static List<Change.Condition> conditions(TableSheet sheet, int row) {
        int header = headerRow(sheet, row);
        List<Change.Condition> out = new ArrayList<>();
        if (header < 0 || row <= header + 4) {
            return out;
        }
        int width = width(sheet, header + 1);
        for (int c = 0; c < width; c++) {
            String value = sheet.cell(row, c);
            if (sheet.cell(header + 1, c).toUpperCase().startsWith("CONDITION") && !value.isEmpty()) {
                out.add(new Change.Condition(sheet.cell(header + 4, c), value));
            }
        }
        return out;
    }

    /** The row of the {@code RuleTable} header above a row, or -1. */
    private static int headerRow(TableSheet sheet, int row) {
        for (int r = Math.min(row, sheet.rows().size() - 1); r >= 0; r--) {
            if (sheet.rows().get(r).stream().anyMatch(v -> v != null && v.trim().startsWith("RuleTable"))) {
                return r;
            }
        }
        return -1;
    }

    private static boolean isKeyedTable(String text, String firstHeader) {
        List<List<String>> rows = Csv.parse(text);
        return !rows.isEmpty() && !rows.get(0).isEmpty() && rows.get(0).get(0).trim().equalsIgnoreCase(firstHeader);
    }

    private static Map<String, String> csvColumns(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        List<List<String>> rows = Csv.parse(text);
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (!row.isEmpty()) {
                out.put(row.get(0).trim(), String.join(" | ", row.subList(1, row.size())));
            }
        }
        return out;
    }

    private static Map<String, String> properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        new TreeSet<>(p.stringPropertyNames()).forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static List<Change> keyed(String name, Change.Kind kind, Map<String, String> a, Map<String, String> b) {
        List<Change> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            if (!Objects.equals(a.get(k), b.get(k))) {
                changes.add(new Change(name, kind, k, a.get(k), b.get(k)));
            }
        }
        return changes;
    }

    /** A line diff by longest common subsequence; policy text files are small. */
    static List<Change> lines(String name, String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Change> changes = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                changes.add(new Change(name, Change.Kind.LINE_ADDED, "line " + (j + 1), null, b[j]));
                j++;
            } else {
                changes.add(new Change(name, Change.Kind.LINE_REMOVED, "line " + (i + 1), a[i], null));
                i++;
            }
        }
        return changes;
    }
}
