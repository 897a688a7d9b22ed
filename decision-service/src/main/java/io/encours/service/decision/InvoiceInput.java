package io.encours.service.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The invoice to dun, with the promises made and the steps already taken. */
record InvoiceInput(
        @NotNull @Pattern(regexp = Codes.IDENTIFIER, message = Codes.IDENTIFIER_MESSAGE) String number,
        @NotNull @Amount(zeroAllowed = false) BigDecimal amount,
        @Pattern(regexp = Codes.CURRENCY, message = Codes.CURRENCY_MESSAGE) String currency,
        @NotNull @PastOrPresent LocalDate issuedOn,
        @NotNull LocalDate dueDate,
        Boolean disputed,
        @Size(max = 50) List<@NotNull @Valid PaymentPromiseInput> promises,
        @Size(max = 50) List<@NotNull @Valid DunningRecordInput> previousActions,
        @io.swagger.v3.oas.annotations.media.Schema(description = "The invoice's payment terms. Given: the due date "
                + "is computed from the issue date and these terms (end of month read as the policy's parameter "
                + "terms.endOfMonthReading says) and used for late-payment charges and the insurer's deadline")
        @Valid TermsInput terms) {
}
