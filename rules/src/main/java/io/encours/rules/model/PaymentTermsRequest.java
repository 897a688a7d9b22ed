package io.encours.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** The customer asks for payment terms other than its standard ones. The order amount is optional. */
public record PaymentTermsRequest(
        Customer customer, PaymentTerms requestedTerms, BigDecimal orderAmount, PaymentMethod paymentMethod,
        LocalDate asOf) implements DecisionRequest {
    public PaymentTermsRequest {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(requestedTerms, "requested terms");
        Objects.requireNonNull(asOf, "asOf");
    }

    @Override
    public DecisionType type() {
        return DecisionType.PAYMENT_TERMS;
    }
}
