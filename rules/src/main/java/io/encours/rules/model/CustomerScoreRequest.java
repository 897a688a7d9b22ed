package io.encours.rules.model;

import java.time.LocalDate;

/** Score this customer. */
public record CustomerScoreRequest(Customer customer, LocalDate asOf) implements DecisionRequest {
    public CustomerScoreRequest {
        InvalidFact.required(customer, "customer");
        InvalidFact.required(asOf, "asOf");
    }

    @Override
    public DecisionType type() {
        return DecisionType.CUSTOMER_SCORE;
    }
}
