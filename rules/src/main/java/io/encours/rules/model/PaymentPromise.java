package io.encours.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment promise made by the debtor ("promesse de paiement"). */
public record PaymentPromise(LocalDate promisedFor, BigDecimal amount, PromiseStatus status) {
    public PaymentPromise {
        InvalidFact.required(promisedFor, "promisedFor");
        InvalidFact.notNegative(amount, "amount");
        InvalidFact.required(status, "status");
    }

    public enum PromiseStatus { PENDING, KEPT, BROKEN }
}
