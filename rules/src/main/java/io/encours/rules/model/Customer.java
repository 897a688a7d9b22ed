package io.encours.rules.model;

import java.time.LocalDate;
import java.time.Period;

/**
 * A customer buying on credit terms. Optional parts (external rating, financials, payment behaviour)
 * may be null when unknown: the policy scores missing data explicitly.
 */
public record Customer(
        String id,
        String name,
        String country,
        String sector,
        String legalForm,
        LocalDate foundingDate,
        ExternalRating externalRating,
        Financials financials,
        PaymentBehaviour paymentBehaviour,
        CreditAccount creditAccount) {

    public Customer {
        InvalidFact.required(id, "id");
        InvalidFact.required(creditAccount, "creditAccount");
    }

    /** Whole years between the founding date and {@code asOf}; null when the founding date is unknown. */
    public Integer yearsInBusiness(LocalDate asOf) {
        return foundingDate == null ? null : Math.max(0, Period.between(foundingDate, asOf).getYears());
    }
}
