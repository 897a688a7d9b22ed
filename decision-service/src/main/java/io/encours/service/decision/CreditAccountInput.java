package io.encours.service.decision;

import io.encours.rules.model.AccountStatus;
import io.encours.rules.model.CreditAccount;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The customer's account with us: internal limit (required, 0 when none is granted), the credit insurer's
 * limit (none when left out), agreed standard terms (none when left out), status (required: a blocked or
 * litigious account must not pass for an active one) and review dates (never reviewed, opened today when
 * left out: the stricter reading).
 */
record CreditAccountInput(
        @NotNull @Amount BigDecimal internalLimit,
        @Amount BigDecimal insuredLimit,
        @Size(max = 100) String insurer,
        LocalDate insuranceExpiry,
        @Min(0) @Max(365) Integer standardTermsDays,
        @NotNull AccountStatus status,
        @PastOrPresent LocalDate lastReviewDate,
        @PastOrPresent LocalDate openedOn) {

    CreditAccount toModel() {
        return new CreditAccount(internalLimit, insuredLimit, insurer, insuranceExpiry, standardTermsDays, status,
                lastReviewDate, openedOn);
    }
}
