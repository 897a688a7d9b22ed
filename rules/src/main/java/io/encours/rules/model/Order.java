package io.encours.rules.model;

import java.math.BigDecimal;

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
        InvalidFact.notNegative(InvalidFact.required(amount, "amount"), "amount");
    }
}
