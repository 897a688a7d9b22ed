package io.encours.service.policy;

import io.encours.rules.diff.Change;
import io.encours.rules.policy.PolicyTexts;
import io.encours.service.web.ProblemMessages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One difference between two versions as a person reads it, in the request's language: a changed cell names
 * its row by the row's own conditions and its column by its heading ({@code Secteur = ENERGY : Points}), a
 * parameter by its description with its old and new value and unit; {@code location} keeps where in the file.
 *
 * @param file     the file concerned
 * @param kind     FILE_ADDED, FILE_REMOVED, CELL, LINE_ADDED, LINE_REMOVED, PARAMETER, REASON, MANIFEST
 * @param where    what changed, in words: the row's conditions and the column (a cell), the parameter's
 *                 description and name, otherwise as {@code location}
 * @param location where in the file: {@code sheet scoring-grid, row 20, column F (Points)}, {@code line 31},
 *                 a parameter or reason code
 * @param before   the old value (null when added); a parameter's value and unit
 * @param after    the new value (null when removed)
 */
record PolicyChange(String file, Change.Kind kind, String where, String location, String before, String after) {
    private static final Pattern CELL = Pattern.compile("(?:sheet (.+), )?row (\\d+), column ([A-Z]+)(?: \\((.*)\\))?");
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    static List<PolicyChange> of(List<Change> changes, PolicyTexts texts, Locale locale) {
        return changes.stream().map(c -> of(c, texts, locale)).toList();
    }

    static PolicyChange of(Change c, PolicyTexts texts, Locale locale) {
        String location = location(c, texts, locale);
        return switch (c.kind()) {
            case CELL -> new PolicyChange(c.file(), c.kind(), cell(c, texts, locale, location), location, c.before(),
                    c.after());
            case PARAMETER -> parameter(c, texts, locale);
            default -> new PolicyChange(c.file(), c.kind(), location, location, c.before(), c.after());
        };
    }

    private static String cell(Change c, PolicyTexts texts, Locale locale, String location) {
        if (c.conditions().isEmpty()) {
            return location;
        }
        List<String> conditions = c.conditions().stream().map(k -> ProblemMessages.render(locale, "diff.condition",
                Map.of("heading", texts.heading(k.heading()), "value", k.value()))).toList();
        return ProblemMessages.render(locale, "diff.cell", Map.of("conditions", String.join(", ", conditions),
                "column", c.column() == null ? "" : texts.heading(c.column())));
    }

    /** A parameter row is "value | unit | description": said as its description and name, value with unit. */
    private static PolicyChange parameter(Change c, PolicyTexts texts, Locale locale) {
        String[] before = parts(c.before());
        String[] after = parts(c.after());
        String english = after != null ? after[2] : before[2];
        String where = ProblemMessages.render(locale, "diff.parameter", Map.of("name", c.where(),
                "description", texts.parameter(c.where(), english)));
        return new PolicyChange(c.file(), c.kind(), where, c.where(), value(before, texts), value(after, texts));
    }

    private static String[] parts(String row) {
        if (row == null) {
            return null;
        }
        String[] p = row.split(" \\| ", 3);
        return new String[] {p[0], p.length > 1 ? p[1] : "", p.length > 2 ? p[2] : ""};
    }

    private static String value(String[] parts, PolicyTexts texts) {
        if (parts == null) {
            return null;
        }
        return parts[1].isBlank() || "text".equals(parts[1]) ? parts[0] : parts[0] + " " + texts.unit(parts[1]);
    }

    private static String location(Change c, PolicyTexts texts, Locale locale) {
        Matcher cell = CELL.matcher(c.where());
        if (c.kind() == Change.Kind.CELL && cell.matches()) {
            String heading = cell.group(4) == null ? "" : " (" + texts.heading(cell.group(4)) + ")";
            return (cell.group(1) == null ? "" : ProblemMessages.render(locale, "diff.sheet",
                    Map.of("sheet", cell.group(1)))) + ProblemMessages.render(locale, "diff.row-column",
                    Map.of("row", cell.group(2), "column", cell.group(3))) + heading;
        }
        Matcher line = LINE.matcher(c.where());
        if (line.matches()) {
            return ProblemMessages.render(locale, "diff.line", Map.of("line", line.group(1)));
        }
        return c.where();
    }
}
