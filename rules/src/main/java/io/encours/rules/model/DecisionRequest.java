package io.encours.rules.model;

import java.time.LocalDate;

/** The facts of one decision, as the caller sends them. {@code asOf} is the business date of the decision. */
public sealed interface DecisionRequest
        permits OrderCheckRequest, CustomerScoreRequest, PaymentTermsRequest, DunningRequest {

    DecisionType type();

    Customer customer();

    LocalDate asOf();
}
