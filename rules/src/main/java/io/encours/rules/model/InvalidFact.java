package io.encours.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A fact that breaks an invariant of the model: a negative amount, a percentage out of range, a due date
 * before the issue date, a required part missing. {@code field} names the component as a path from the
 * record that refused it ({@code amount}, {@code creditAccount.coveragePercent} once
 * {@link #within within} the customer), so that a caller can point at the field it sent.
 */
public final class InvalidFact extends IllegalArgumentException {
    private final String field;
    private final String reason;

    public InvalidFact(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The path of the field, relative to the record that refused it. */
    public String field() {
        return field;
    }

    /** Why the value is refused, without the field's name ("cannot be negative"). */
    public String reason() {
        return reason;
    }

    /** The same problem seen from the record holding this one under {@code parent}. */
    public InvalidFact within(String parent) {
        InvalidFact outer = new InvalidFact(parent + "." + field, reason);
        outer.initCause(this);
        return outer;
    }

    /** {@code value}, refused when null. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidFact(field, "is required");
        }
        return value;
    }

    /** {@code amount} (may be null), refused when negative. */
    public static BigDecimal notNegative(BigDecimal amount, String field) {
        if (amount != null && amount.signum() < 0) {
            throw new InvalidFact(field, "cannot be negative");
        }
        return amount;
    }

    /** {@code count}, refused when negative. */
    public static int notNegative(int count, String field) {
        if (count < 0) {
            throw new InvalidFact(field, "cannot be negative");
        }
        return count;
    }

    /** {@code percent} (may be null), refused outside [0, 100]. */
    public static BigDecimal percentage(BigDecimal percent, String field) {
        if (percent != null && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new InvalidFact(field, "must be between 0 and 100");
        }
        return percent;
    }

    /** Refuses {@code later} when it is before {@code earlier} (either may be null: nothing to compare). */
    public static void notBefore(LocalDate later, String laterField, LocalDate earlier, String earlierField) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            throw new InvalidFact(laterField, "must not be before " + earlierField);
        }
    }

    /** Runs {@code part}'s construction, naming its fields from {@code parent}. */
    public static <T> T within(String parent, java.util.function.Supplier<T> part) {
        try {
            return part.get();
        } catch (InvalidFact e) {
            throw e.within(parent);
        }
    }
}
