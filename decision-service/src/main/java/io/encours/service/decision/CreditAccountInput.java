package io.encours.service.decision;

import io.encours.rules.model.AccountStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
 * left out: the stricter reading). A limit or a cover past its last day is treated as expired by the policy.
 */
record CreditAccountInput(
        @Schema(description = "Required; 0 when no credit is granted")
        @NotNull @Amount BigDecimal internalLimit,
        @Schema(description = "Left out: not insured")
        @Amount BigDecimal insuredLimit,
        @Size(max = 100) String insurer,
        LocalDate insuranceExpiry,
        @Schema(description = "Left out: no terms agreed on the account")
        @Min(0) @Max(365) Integer standardTermsDays,
        @NotNull AccountStatus status,
        @Schema(description = "Left out: the limit was never reviewed (the order goes to review)")
        @PastOrPresent LocalDate lastReviewDate,
        @Schema(description = "Left out: counts as a new account")
        @PastOrPresent LocalDate openedOn,
        @Schema(description = "Coverage percentage of the credit-insurance cover (quotité garantie, e.g. 90): the share "
                + "of the insured amount the insurer pays. Left out: the policy's default (parameter "
                + "insurance.defaultCoveragePercent)")
        @DecimalMin("0") @DecimalMax("100") BigDecimal coveragePercent,
        @Schema(description = "Last day the internal limit is valid. Left out: no end date. Past it the limit counts "
                + "as none and the policy names it (reason LIMIT_EXPIRED)")
        LocalDate limitExpiry) {

    /** An account whose limit has no end date. */
    CreditAccountInput(BigDecimal internalLimit, BigDecimal insuredLimit, String insurer, LocalDate insuranceExpiry,
                       Integer standardTermsDays, AccountStatus status, LocalDate lastReviewDate, LocalDate openedOn,
                       BigDecimal coveragePercent) {
        this(internalLimit, insuredLimit, insurer, insuranceExpiry, standardTermsDays, status, lastReviewDate, openedOn,
                coveragePercent, null);
    }
}
