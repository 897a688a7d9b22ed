package io.encours.service.storage;

import java.util.List;

/**
 * What a query asks of an ordered index: equal values for its first fields, then optionally a range on the
 * next one. {@code low} and {@code high} are {@link SecondaryKeyType.Bound} markers when that side is open.
 * Values are normalized as index keys are (numbers as doubles, missing as null).
 */
record KeyRange(List<Object> equal, Object low, boolean lowInclusive, Object high, boolean highInclusive) {

    static final Object OPEN_LOW = SecondaryKeyType.Bound.LOW;
    static final Object OPEN_HIGH = SecondaryKeyType.Bound.HIGH;

    KeyRange {
        // Not List.copyOf: null is a value here ({field: null} matches documents without the field).
        equal = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(equal));
    }

    static KeyRange equalTo(List<Object> values) {
        return new KeyRange(values, OPEN_LOW, true, OPEN_HIGH, true);
    }

    boolean hasRange() {
        return low != OPEN_LOW || high != OPEN_HIGH;
    }

    /** How many leading fields the range constrains. */
    int constrainedFields() {
        return equal.size() + (hasRange() ? 1 : 0);
    }
}
