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
        InvalidFact.notNegative(internalLimit, "internalLimit");
        InvalidFact.notNegative(insuredLimit, "insuredLimit");
        if (standardTermsDays != null) {
            InvalidFact.notNegative(standardTermsDays, "standardTermsDays");
        }
        InvalidFact.percentage(coveragePercent, "coveragePercent");
    }

    /** An account whose cover does not state its coverage percentage. */
    public CreditAccount(BigDecimal internalLimit, BigDecimal insuredLimit, String insurer, LocalDate insuranceExpiry,
                         Integer standardTermsDays, AccountStatus status, LocalDate lastReviewDate, LocalDate openedOn) {
        this(internalLimit, insuredLimit, insurer, insuranceExpiry, standardTermsDays, status, lastReviewDate, openedOn,
                null);
    }
}
