package io.encours.rules.model;

import java.math.BigDecimal;

/** How the customer paid us over the last 12 months, and its own DSO when known. */
public record PaymentBehaviour(int incidentsLast12Months, BigDecimal averageDaysLate, BigDecimal dso) {
    public PaymentBehaviour {
        InvalidFact.notNegative(incidentsLast12Months, "incidentsLast12Months");
        InvalidFact.notNegative(averageDaysLate, "averageDaysLate");
        InvalidFact.notNegative(dso, "dso");
    }
}
