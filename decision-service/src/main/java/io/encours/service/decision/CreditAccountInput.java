package io.encours.service.decision;

import io.encours.rules.model.AccountStatus;
import io.encours.rules.model.CreditAccount;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The customer's account with us: internal limit, the credit insurer's limit (none when uninsured), agreed
 * standard terms, status (ACTIVE when left out) and review dates.
 */
record CreditAccountInput(
        @Amount BigDecimal internalLimit,
        @Amount BigDecimal insuredLimit,
        @Size(max = 100) String insurer,
        LocalDate insuranceExpiry,
        @Min(0) @Max(365) Integer standardTermsDays,
        AccountStatus status,
        @PastOrPresent LocalDate lastReviewDate,
        @PastOrPresent LocalDate openedOn) {

    CreditAccount toModel() {
        return new CreditAccount(internalLimit, insuredLimit, insurer, insuranceExpiry, standardTermsDays, status,
                lastReviewDate, openedOn);
    }
}
