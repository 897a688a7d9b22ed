package io.encours.service.editor;

import io.encours.rules.policy.PolicyError;
import io.encours.service.web.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An edit the editor refuses, as its RFC 9457 problem. Errors in the edited file carry the file row and
 * column letter, and for a table also the 0-based index of the edited row and column, so the page puts the
 * message on the cell concerned.
 */
class TableProblem extends ErrorResponseException {
    static final String TABLE_NOT_FOUND = "/problems/policy-table-not-found";
    static final String INVALID_EDIT = "/problems/policy-invalid";
    static final String BAD_EDIT = "/problems/policy-edit-invalid";

    private TableProblem(ProblemDetail problem) {
        super(HttpStatus.valueOf(problem.getStatus()), problem, null);
    }

    static TableProblem noSuchTable(String file, String table) {
        return new TableProblem(Problems.problem(HttpStatus.NOT_FOUND, TABLE_NOT_FOUND, "Decision table not found",
                "The file " + file + " has no decision table named " + table));
    }

    static TableProblem notATable(String file) {
        return new TableProblem(Problems.problem(HttpStatus.BAD_REQUEST, BAD_EDIT, "Not a decision table",
                file + " is not a decision table (a table file ends in .drl.xlsx, .drl.xls or .drl.csv)"));
    }

    static TableProblem tooManyCells(PolicyTable table, int rowIndex, int cells) {
        ProblemDetail p = Problems.problem(HttpStatus.BAD_REQUEST, BAD_EDIT, "Invalid table edit",
                "Row " + (rowIndex + 1) + " has " + cells + " cells; the table " + table.table() + " has "
                        + table.columns().size() + " columns");
        p.setProperty("errors", List.of(Map.of("file", table.file(), "rowIndex", rowIndex,
                "row", table.firstRow() + rowIndex, "message", p.getDetail())));
        return new TableProblem(p);
    }

    static TableProblem badParameter(int index, String field, String message) {
        ProblemDetail p = Problems.problem(HttpStatus.BAD_REQUEST, BAD_EDIT, "Invalid parameter", message);
        p.setProperty("errors", List.of(Map.of("rowIndex", index, "field", field, "message", message)));
        return new TableProblem(p);
    }

    /** The edited file does not compile: nothing was saved. */
    static TableProblem doesNotCompile(String file, List<PolicyError> errors, PolicyTable table) {
        ProblemDetail p = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_EDIT,
                "The edit does not compile", file + ": " + errors.size() + " error(s); nothing was saved");
        p.setProperty("errors", errors.stream().map(e -> error(e, table)).toList());
        return new TableProblem(p);
    }

    private static Map<String, Object> error(PolicyError e, PolicyTable table) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", e.file());
        if (e.sheet() != null) {
            m.put("sheet", e.sheet());
        }
        if (e.row() != null) {
            m.put("row", e.row());
            if (table != null && e.row() >= table.firstRow()) {
                m.put("rowIndex", e.row() - table.firstRow());
            }
        }
        if (e.column() != null) {
            m.put("column", e.column());
            if (table != null) {
                for (int i = 0; i < table.columns().size(); i++) {
                    if (table.columns().get(i).letter().equals(e.column())) {
                        m.put("columnIndex", i);
                    }
                }
            }
        }
        if (e.line() != null) {
            m.put("line", e.line());
        }
        m.put("location", e.location());
        m.put("message", e.message());
        return m;
    }
}
