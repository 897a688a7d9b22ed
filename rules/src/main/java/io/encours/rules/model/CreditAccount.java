package io.encours.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The customer's account with us: internal limit ("plafond interne"), insured limit granted by the credit
 * insurer ("limite garantie"), standard payment terms and review dates. The insured limit may be null
 * (no cover) and may be below the internal limit: the difference is an uninsured risk. A limit or a cover is
 * valid up to and including its expiry date; past it the order check treats it as expired (the policy's
 * reasons LIMIT_EXPIRED and INSURANCE_COVER_EXPIRED), never as still valid.
 *
 * @param limitExpiry the last day the internal limit is valid; null when it has no end date
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
        BigDecimal coveragePercent,
        LocalDate limitExpiry) {

    public CreditAccount {
        status = status == null ? AccountStatus.ACTIVE : status;
        InvalidFact.notNegative(internalLimit, "internalLimit");
        InvalidFact.notNegative(insuredLimit, "insuredLimit");
        if (standardTermsDays != null) {
            InvalidFact.notNegative(standardTermsDays, "standardTermsDays");
        }
        InvalidFact.percentage(coveragePercent, "coveragePercent");
    }

    /** An account whose limit has no end date. */
    public CreditAccount(BigDecimal internalLimit, BigDecimal insuredLimit, String insurer, LocalDate insuranceExpiry,
                         Integer standardTermsDays, AccountStatus status, LocalDate lastReviewDate, LocalDate openedOn,
                         BigDecimal coveragePercent) {
        this(internalLimit, insuredLimit, insurer, insuranceExpiry, standardTermsDays, status, lastReviewDate, openedOn,
                coveragePercent, null);
    }

    /** An account whose limit has no end date and whose cover does not state its coverage percentage. */
    public CreditAccount(BigDecimal internalLimit, BigDecimal insuredLimit, String insurer, LocalDate insuranceExpiry,
                         Integer standardTermsDays, AccountStatus status, LocalDate lastReviewDate, LocalDate openedOn) {
        this(internalLimit, insuredLimit, insurer, insuranceExpiry, standardTermsDays, status, lastReviewDate, openedOn,
                null, null);
    }
}
