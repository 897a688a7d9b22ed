package io.encours.service.decision;

import io.encours.rules.model.PaymentPromise;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment promise made by the debtor: date, amount and whether it was kept. */
record PaymentPromiseInput(
        @NotNull LocalDate promisedFor,
        @Amount BigDecimal amount,
        @NotNull PaymentPromise.PromiseStatus status) {
}
