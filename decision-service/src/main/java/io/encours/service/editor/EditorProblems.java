package io.encours.service.editor;

import io.encours.rules.policy.PolicyError;
import io.encours.service.policy.PolicyProblems;
import io.encours.service.web.ProblemException;
import io.encours.service.web.ProblemMessages;
import io.encours.service.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The edits the editor refuses. An edit that does not compile is the policy's own
 * {@code /problems/policy-invalid} ({@link PolicyProblems#error}), each error of a table also carrying the
 * 0-based index of the edited row and column, so the page puts the message on the cell concerned.
 */
final class EditorProblems {
    static final String TABLE_NOT_FOUND = "/problems/policy-table-not-found";
    static final String BAD_EDIT = "/problems/policy-edit-invalid";

    private EditorProblems() {
    }

    static ProblemException noSuchTable(String file, String table) {
        return Problems.refuse(HttpStatus.NOT_FOUND, TABLE_NOT_FOUND, "Decision table not found",
                "The file " + file + " has no decision table named " + table);
    }

    static ProblemException notATable(String file) {
        return Problems.refuse(HttpStatus.BAD_REQUEST, BAD_EDIT, "Not a decision table",
                file + " is not a decision table (a table file ends in .drl.xlsx, .drl.xls or .drl.csv)");
    }

    static ProblemException tooManyCells(PolicyTable table, int rowIndex, int cells) {
        ProblemDetail p = Problems.problem(HttpStatus.BAD_REQUEST, BAD_EDIT, "Invalid table edit",
                "Row " + (rowIndex + 1) + " has " + cells + " cells; the table " + table.table() + " has "
                        + table.columns().size() + " columns");
        p.setProperty("errors", List.of(Map.of("file", table.file(), "rowIndex", rowIndex,
                "row", table.firstRow() + rowIndex, "message", p.getDetail())));
        return ProblemException.of(p);
    }

    static ProblemException badParameter(int index, String field, String message) {
        ProblemDetail p = Problems.problem(HttpStatus.BAD_REQUEST, BAD_EDIT, "Invalid parameter", message);
        p.setProperty("errors", List.of(Map.of("rowIndex", index, "field", field, "message", message)));
        return ProblemException.of(p);
    }

    /** The edited file does not compile: nothing was saved. */
    static ProblemException doesNotCompile(String file, List<PolicyError> errors, PolicyTable table) {
        ProblemException p = PolicyProblems.invalid("The edit does not compile",
                file + ": " + errors.size() + " error(s); nothing was saved",
                errors.stream().map(e -> error(e, table)).toList());
        ProblemMessages.coded(p.problem(), "policy-invalid.edit", Map.of("file", file, "count", errors.size()));
        return p;
    }

    private static Map<String, Object> error(PolicyError e, PolicyTable table) {
        Map<String, Object> m = PolicyProblems.error(e);
        if (table != null && e.row() != null && e.row() >= table.firstRow()) {
            m.put("rowIndex", e.row() - table.firstRow());
        }
        if (table != null && e.column() != null) {
            for (int i = 0; i < table.columns().size(); i++) {
                if (table.columns().get(i).letter().equals(e.column())) {
                    m.put("columnIndex", i);
                }
            }
        }
        return m;
    }
}
