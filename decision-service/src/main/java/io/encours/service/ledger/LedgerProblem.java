package io.encours.service.ledger;

import java.util.Objects;

/**
 * Why an event, or one field of it, is refused.
 *
 * @param field  the field's path in the wire form, e.g. {@code allocations[1].amount}; {@code ""} for the event as a whole
 * @param reason a sentence a person at the ERP's side can act on
 */
public record LedgerProblem(String field, String reason) {
    public LedgerProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }

    static LedgerProblem of(String field, String reason) {
        return new LedgerProblem(field, reason);
    }
}
