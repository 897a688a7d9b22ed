package io.encours.service.decision;

import io.encours.rules.model.PaymentMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** The order to ship on credit. The documents (purchase order, accepted terms) must be stated, not assumed. */
record OrderInput(
        @NotNull @Pattern(regexp = Codes.IDENTIFIER, message = Codes.IDENTIFIER_MESSAGE) String id,
        @NotNull @Amount(zeroAllowed = false) BigDecimal amount,
        @NotNull @Pattern(regexp = Codes.CURRENCY, message = Codes.CURRENCY_MESSAGE) String currency,
        @Valid TermsInput requestedTerms,
        PaymentMethod paymentMethod,
        @NotNull Boolean purchaseOrderPresent,
        @NotNull Boolean termsAndConditionsAccepted) {
}
