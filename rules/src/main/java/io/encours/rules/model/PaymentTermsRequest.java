package io.encours.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The customer asks for payment terms other than its standard ones. The order amount is optional. */
public record PaymentTermsRequest(
        Customer customer, PaymentTerms requestedTerms, BigDecimal orderAmount, PaymentMethod paymentMethod,
        LocalDate asOf) implements DecisionRequest {
    public PaymentTermsRequest {
        InvalidFact.required(customer, "customer");
        InvalidFact.required(requestedTerms, "requestedTerms");
        InvalidFact.notNegative(orderAmount, "orderAmount");
        InvalidFact.required(asOf, "asOf");
    }

    @Override
    public DecisionType type() {
        return DecisionType.PAYMENT_TERMS;
    }
}
