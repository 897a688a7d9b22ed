package io.encours.rules.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks decision tables cell by cell before Drools sees them, so that a credit manager gets
 * "row 14, column D (Points): 'ten' is not a number" rather than an error in generated code.
 * It also finds each table's data rows for the verifier and the editor.
 */
final class TableChecker {
    /** A parameter compared with an operator or passed to a number constructor must be a number. */
    private static final Pattern NUMERIC = Pattern.compile(
            "([<>]=?|==|!=)\\s*\\$param|BigDecimal\\(\"\\$param\"\\)|[(,]\\s*\\$param\\s*[,)]");
    private static final Pattern TEXT = Pattern.compile("\"[^\"]*\\$param[^\"]*\"");
    private static final Pattern BOOLEAN = Pattern.compile("==\\s*\\$param\\s*$");

    private TableChecker() {
    }

    static List<PolicyError> check(TableSheet sheet) {
        List<PolicyError> errors = new ArrayList<>();
        int tables = 0;
        for (int r = 0; r < sheet.rows().size(); r++) {
            if (!sheet.cell(r, 0).startsWith("RuleTable") && !firstNonBlank(sheet, r).startsWith("RuleTable")) {
                continue;
            }
            tables++;
            int startCol = sheet.firstNonBlankColumn(r);
            int typeRow = r + 1;
            int snippetRow = r + 3;
            int labelRow = r + 4;
            int width = sheet.rows().get(typeRow < sheet.rows().size() ? typeRow : r).size();
            for (int c = startCol; c < width; c++) {
                String kind = sheet.cell(typeRow, c).toUpperCase();
                if (kind.isEmpty()) {
                    continue;
                }
                String snippet = sheet.cell(snippetRow, c);
                String label = sheet.cell(labelRow, c);
                boolean numeric = NUMERIC.matcher(snippet).find();
                boolean text = !numeric && TEXT.matcher(snippet).find();
                boolean priority = kind.equals("PRIORITY") || kind.equals("SALIENCE");
                for (int d = labelRow + 1; d < sheet.rows().size(); d++) {
                    if (isBlankRow(sheet, d, startCol) || firstNonBlank(sheet, d).startsWith("RuleTable")) {
                        break;
                    }
                    String v = sheet.cell(d, c);
                    if (v.isEmpty()) {
                        continue;
                    }
                    if ((numeric || priority) && !isNumberOrBoolean(v, BOOLEAN.matcher(snippet).find())) {
                        errors.add(PolicyError.atCell(sheet.file(), sheet.sheet(), d + 1,
                                TableSheet.columnLetter(c),
                                "'" + v + "' in column " + (label.isEmpty() ? kind : "'" + label + "'")
                                        + " is not a number" + (BOOLEAN.matcher(snippet).find()
                                        ? " (nor true/false)" : "")));
                    }
                    if (text && v.contains("\"")) {
                        errors.add(PolicyError.atCell(sheet.file(), sheet.sheet(), d + 1,
                                TableSheet.columnLetter(c), "'" + v + "' in column '" + label
                                        + "' contains a double quote; remove it"));
                    }
                }
            }
        }
        if (tables == 0) {
            errors.add(new PolicyError(sheet.file(), sheet.sheet(), null, null, null,
                    "No decision table found: a table starts with a cell 'RuleTable <name>'"));
        }
        return errors;
    }

    private static boolean isNumberOrBoolean(String v, boolean booleanAllowed) {
        if (booleanAllowed && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
            return true;
        }
        try {
            new BigDecimal(v.replace(" ", ""));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBlankRow(TableSheet sheet, int r, int from) {
        List<String> row = sheet.rows().get(r);
        for (int c = from; c < row.size(); c++) {
            if (row.get(c) != null && !row.get(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String firstNonBlank(TableSheet sheet, int r) {
        int c = sheet.firstNonBlankColumn(r);
        return c < 0 ? "" : sheet.cell(r, c);
    }
}
