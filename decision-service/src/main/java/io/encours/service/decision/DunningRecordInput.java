package io.encours.service.decision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A dunning step already taken: its level on the ladder, the action and the date. */
record DunningRecordInput(
        @NotNull @Min(0) @Max(20) Integer level,
        @Size(max = 64) String action,
        @NotNull @PastOrPresent LocalDate on) {
}
