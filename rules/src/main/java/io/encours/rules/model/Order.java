package io.encours.rules.model;

import java.math.BigDecimal;
import java.util.Objects;

/** An order to be shipped on credit terms. */
public record Order(
        String id,
        BigDecimal amount,
        String currency,
        PaymentTerms requestedTerms,
        PaymentMethod paymentMethod,
        boolean purchaseOrderPresent,
        boolean termsAndConditionsAccepted) {

    public Order {
        Objects.requireNonNull(amount, "order amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("order amount cannot be negative");
        }
    }
}
