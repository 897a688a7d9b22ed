package io.encours.rules.policy;

/**
 * One problem found in a policy bundle, located as precisely as possible: the file, and for a table the
 * sheet, the spreadsheet row (1-based) and the column letter; for DRL the line. Fields that do not apply
 * are null.
 */
public record PolicyError(String file, String sheet, Integer row, String column, Integer line, String message) {

    public static PolicyError inFile(String file, String message) {
        return new PolicyError(file, null, null, null, null, message);
    }

    public static PolicyError atLine(String file, int line, String message) {
        return new PolicyError(file, null, null, null, line, message);
    }

    public static PolicyError atCell(String file, String sheet, int row, String column, String message) {
        return new PolicyError(file, sheet, row, column, null, message);
    }

    /** Where, as a person reads it: {@code scoring-grid.drl.xlsx, sheet ScoringGrid, row 14, column D}. */
    public String location() {
        StringBuilder s = new StringBuilder(file == null ? "policy" : file);
        if (sheet != null) {
            s.append(", sheet ").append(sheet);
        }
        if (row != null) {
            s.append(", row ").append(row);
        }
        if (column != null) {
            s.append(", column ").append(column);
        }
        if (line != null) {
            s.append(", line ").append(line);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
