package io.encours.service.decision;

import io.encours.rules.model.Customer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The customer as the caller knows it. Rating, financials and payment behaviour may be left out when
 * unknown: the policy scores missing data explicitly.
 */
record CustomerInput(
        @NotNull @Pattern(regexp = Codes.IDENTIFIER, message = Codes.IDENTIFIER_MESSAGE) String id,
        @Size(max = 200) String name,
        @Pattern(regexp = Codes.COUNTRY, message = Codes.COUNTRY_MESSAGE) String country,
        @Pattern(regexp = Codes.CODE, message = Codes.CODE_MESSAGE) String sector,
        @Pattern(regexp = Codes.CODE, message = Codes.CODE_MESSAGE) String legalForm,
        @PastOrPresent LocalDate foundingDate,
        @Valid ExternalRatingInput externalRating,
        @Valid FinancialsInput financials,
        @Valid PaymentBehaviourInput paymentBehaviour,
        @NotNull @Valid CreditAccountInput creditAccount) {

    Customer toModel() {
        return new Customer(id, name, country, sector, legalForm, foundingDate,
                externalRating == null ? null : externalRating.toModel(),
                financials == null ? null : financials.toModel(),
                paymentBehaviour == null ? null : paymentBehaviour.toModel(),
                creditAccount.toModel());
    }
}
