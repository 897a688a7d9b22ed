package io.encours.service.decision;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** How the customer paid over the last twelve months. */
record PaymentBehaviourInput(
        @NotNull @Min(0) @Max(10_000) Integer incidentsLast12Months,
        @Schema(description = "Left out: unknown, scored as its worst band; a dunning request treats the debtor as recurrently late")
        @DecimalMin("0") @DecimalMax("3650") BigDecimal averageDaysLate,
        @DecimalMin("0") @DecimalMax("3650") BigDecimal dso) {
}
