package io.encours.service.account;

import io.encours.rules.model.InvalidFact;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The checks of an account's values. A broken one is the rules' own {@link InvalidFact}, naming the field as the
 * API names it, so that one kind of refused fact reaches the problem answers.
 */
final class AccountChecks {
    private AccountChecks() {
    }

    static void check(boolean holds, String field, String reason) {
        if (!holds) {
            throw new InvalidFact(field, reason);
        }
    }

    static void notNegative(BigDecimal amount, String field) {
        check(amount == null || amount.signum() >= 0, field, "must be 0 or more");
    }

    static void period(LocalDate from, LocalDate to, String fromField, String toField) {
        check(from == null || to == null || !to.isBefore(from), toField, "must not be before " + fromField);
    }

    static void days(Integer days, String field) {
        check(days == null || (days >= 0 && days <= 365), field, "must be between 0 and 365 days");
    }
}
