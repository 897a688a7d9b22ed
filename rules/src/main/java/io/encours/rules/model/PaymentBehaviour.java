package io.encours.rules.model;

import java.math.BigDecimal;

/** How the customer paid us over the last 12 months, and its own DSO when known. */
public record PaymentBehaviour(int incidentsLast12Months, BigDecimal averageDaysLate, BigDecimal dso) {
    public PaymentBehaviour {
        if (incidentsLast12Months < 0) {
            throw new IllegalArgumentException("incidents cannot be negative");
        }
    }
}
