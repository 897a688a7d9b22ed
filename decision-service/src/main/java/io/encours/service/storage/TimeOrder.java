package io.encours.service.storage;

/** The order of a trail's search: by its time field, then by id, newest first (the default) or oldest first. */
public enum TimeOrder {
    NEWEST_FIRST, OLDEST_FIRST;

    /**
     * {@code name} (oldest first), {@code -name} (newest first) or nothing (newest first), where {@code name} is
     * the time the search's API sorts by ({@code openedAt}, {@code at}).
     *
     * @throws IllegalArgumentException any other text, saying what is expected
     */
    public static TimeOrder parse(String sort, String name) {
        if (sort == null || sort.isBlank() || sort.equals("-" + name)) {
            return NEWEST_FIRST;
        }
        if (sort.equals(name)) {
            return OLDEST_FIRST;
        }
        throw new IllegalArgumentException("must be " + name + " or -" + name);
    }
}
