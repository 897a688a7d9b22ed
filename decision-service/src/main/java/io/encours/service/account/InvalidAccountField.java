package io.encours.service.account;

/** An account value breaks one of its invariants; names the field as the API names it. */
public final class InvalidAccountField extends IllegalArgumentException {
    private final String field;
    private final String reason;

    public InvalidAccountField(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    static void check(boolean holds, String field, String reason) {
        if (!holds) {
            throw new InvalidAccountField(field, reason);
        }
    }

    static void notNegative(java.math.BigDecimal amount, String field) {
        check(amount == null || amount.signum() >= 0, field, "must be 0 or more");
    }

    static void period(java.time.LocalDate from, java.time.LocalDate to, String fromField, String toField) {
        check(from == null || to == null || !to.isBefore(from), toField, "must not be before " + fromField);
    }

    static void days(Integer days, String field) {
        check(days == null || (days >= 0 && days <= 365), field, "must be between 0 and 365 days");
    }
}
