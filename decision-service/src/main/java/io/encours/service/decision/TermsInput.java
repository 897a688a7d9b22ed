package io.encours.service.decision;

import io.encours.rules.model.PaymentTerms;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Payment terms: days from the invoice date, or end of month when {@code endOfMonth} is true. */
record TermsInput(
        @NotNull @Min(0) @Max(365) Integer days,
        Boolean endOfMonth) {

    PaymentTerms toModel() {
        return new PaymentTerms(days, Boolean.TRUE.equals(endOfMonth));
    }
}
