package io.encours.rules.model;

import java.time.LocalDate;

/**
 * What is the next dunning step for this invoice? {@code declaredProfile} is the credit team's own
 * judgement of the debtor (e.g. bad faith); when null the policy derives the profile from behaviour.
 */
public record DunningRequest(Customer customer, OverdueInvoice invoice, DebtorProfile declaredProfile, LocalDate asOf)
        implements DecisionRequest {
    public DunningRequest {
        InvalidFact.required(customer, "customer");
        InvalidFact.required(invoice, "invoice");
        InvalidFact.required(asOf, "asOf");
    }

    @Override
    public DecisionType type() {
        return DecisionType.DUNNING;
    }
}
