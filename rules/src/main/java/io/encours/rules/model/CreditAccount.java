package io.encours.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The customer's account with us: internal limit ("plafond interne"), insured limit granted by the credit
 * insurer ("limite garantie"), standard payment terms and review dates. The insured limit may be null
 * (no cover) and may be below the internal limit: the difference is an uninsured risk.
 */
public record CreditAccount(
        BigDecimal internalLimit,
        BigDecimal insuredLimit,
        String insurer,
        LocalDate insuranceExpiry,
        Integer standardTermsDays,
        AccountStatus status,
        LocalDate lastReviewDate,
        LocalDate openedOn,
        BigDecimal coveragePercent) {

    public CreditAccount {
        status = status == null ? AccountStatus.ACTIVE : status;
        if (coveragePercent != null && (coveragePercent.signum() < 0 || coveragePercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("coverage percentage must be between 0 and 100");
        }
    }

    /** An account whose cover does not state its coverage percentage. */
    public CreditAccount(BigDecimal internalLimit, BigDecimal insuredLimit, String insurer, LocalDate insuranceExpiry,
                         Integer standardTermsDays, AccountStatus status, LocalDate lastReviewDate, LocalDate openedOn) {
        this(internalLimit, insuredLimit, insurer, insuranceExpiry, standardTermsDays, status, lastReviewDate, openedOn,
                null);
    }
}
