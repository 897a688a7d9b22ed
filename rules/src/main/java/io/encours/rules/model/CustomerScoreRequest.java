package io.encours.rules.model;

import java.time.LocalDate;
import java.util.Objects;

/** Score this customer. */
public record CustomerScoreRequest(Customer customer, LocalDate asOf) implements DecisionRequest {
    public CustomerScoreRequest {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(asOf, "asOf");
    }

    @Override
    public DecisionType type() {
        return DecisionType.CUSTOMER_SCORE;
    }
}
