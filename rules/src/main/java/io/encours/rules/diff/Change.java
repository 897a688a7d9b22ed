package io.encours.rules.diff;

import java.util.List;

/**
 * One difference between two policy versions.
 *
 * @param file     the file concerned
 * @param kind     FILE_ADDED, FILE_REMOVED, CELL, LINE_ADDED, LINE_REMOVED, PARAMETER, REASON, MANIFEST
 * @param where    a person's location: "row 14, column F (Points)", "line 31", a parameter or reason code
 * @param before   the old value (null when added)
 * @param after    the new value (null when removed)
 * @param column     a changed cell's column heading, as the table writes it ({@code Points}); null otherwise
 * @param conditions a changed cell's row named by its own conditions (the row's condition columns that are not
 *                   blank: {@code Sector = ENERGY}); empty otherwise
 */
public record Change(String file, Kind kind, String where, String before, String after, String column,
                     List<Condition> conditions) {

    public enum Kind { FILE_ADDED, FILE_REMOVED, CELL, LINE_ADDED, LINE_REMOVED, PARAMETER, REASON, MANIFEST }

    /** One condition of a table row: its column heading and the row's value there. */
    public record Condition(String heading, String value) {
    }

    public Change {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    public Change(String file, Kind kind, String where, String before, String after) {
        this(file, kind, where, before, after, null, List.of());
    }

    @Override
    public String toString() {
        return file + " " + kind + " " + where + ": " + before + " -> " + after;
    }
}
