package io.encours.service.decision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A data provider's score on a 0-100 scale and the date it was given. */
record ExternalRatingInput(
        @Size(max = 64) String provider,
        @NotNull @Min(0) @Max(100) Integer score,
        @PastOrPresent LocalDate ratedOn) {
}
