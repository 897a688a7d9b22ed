package io.encours.service.decision;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Payment terms: days from the invoice date, or end of month when {@code endOfMonth} is true. */
record TermsInput(
        @Schema(description = "Days from the invoice date; 0 is payment on receipt (a class E customer is refused all the same)")
        @NotNull @Min(0) @Max(365) Integer days,
        Boolean endOfMonth) {
}
