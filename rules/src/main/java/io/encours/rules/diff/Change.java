package io.encours.rules.diff;

/**
 * One difference between two policy versions.
 *
 * @param file     the file concerned
 * @param kind     FILE_ADDED, FILE_REMOVED, CELL, LINE_ADDED, LINE_REMOVED, PARAMETER, REASON, MANIFEST
 * @param where    a person's location: "row 14, column F (Points)", "line 31", a parameter or reason code
 * @param before   the old value (null when added)
 * @param after    the new value (null when removed)
 */
public record Change(String file, Kind kind, String where, String before, String after) {

    public enum Kind { FILE_ADDED, FILE_REMOVED, CELL, LINE_ADDED, LINE_REMOVED, PARAMETER, REASON, MANIFEST }

    @Override
    public String toString() {
        return file + " " + kind + " " + where + ": " + before + " -> " + after;
    }
}
