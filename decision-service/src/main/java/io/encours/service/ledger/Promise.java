package io.encours.service.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A promise to pay {@code amount} on the listed invoices by {@code promisedOn}, made on {@code madeOn}. */
public record Promise(String eventId, LocalDate madeOn, List<String> invoiceIds, LocalDate promisedOn, BigDecimal amount) {
    public Promise {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(madeOn, "madeOn");
        invoiceIds = List.copyOf(invoiceIds);
        Objects.requireNonNull(promisedOn, "promisedOn");
        Objects.requireNonNull(amount, "amount");
    }
}
