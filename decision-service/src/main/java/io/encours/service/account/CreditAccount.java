package io.encours.service.account;

import static io.encours.service.account.AccountChecks.check;
import static io.encours.service.account.AccountChecks.days;
import static io.encours.service.account.AccountChecks.notNegative;
import static io.encours.service.account.AccountChecks.period;

import io.encours.rules.model.ExternalRating;
import io.encours.rules.model.Financials;
import io.encours.service.account.InForce.NotInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customer's credit account: identity and master data, terms, status, the internal limit and the credit
 * insurer's cover with their validity, the last assessment and the next review. What the ERP's events tell
 * (exposure, overdue items, payment behaviour) is not here: the ledger derives it.
 *
 * @param customerId      the ERP's customer id; one account per customer
 * @param country         ISO 3166 alpha-2; null when unknown
 * @param sector          a sector code of the credit policy (checked against its vocabulary by the order check)
 * @param legalForm       a legal-form code of the credit policy
 * @param foundingDate    null when unknown (the policy scores it as missing data)
 * @param externalRating  the data provider's last score; null when none
 * @param financials      the last closed fiscal year; null when none filed
 * @param currency        ISO 4217: the account's amounts, its limit and its cover are in it
 * @param standardTermsDays the agreed standard payment terms; null when none agreed
 * @param status          with the reason and who set it
 * @param internalLimit   the credit limit ("plafond interne") and its validity; null when none granted
 * @param cover           the credit insurer's cover ("limite garantie"); null when not insured
 * @param assessment      the last score and risk class and the decision that set them; null when never scored
 * @param lastReviewDate  the limit's last review; null when never reviewed
 * @param nextReviewDate  when the limit is due for review; null when not planned
 * @param openedOn        when the account was opened; null when unknown (counts as new)
 * @param parentAccountId the group whose exposure and limit this account rolls up into; null when none
 * @param version         1 when created, one more on each change: a change names the version it was made on
 * @param updatedAt       when the current version was written
 * @param updatedBy       who wrote it
 * @param collector       the person who works the account's dunning worklist; null when none assigned
 */
public record CreditAccount(
        String customerId,
        String name,
        String country,
        String sector,
        String legalForm,
        LocalDate foundingDate,
        ExternalRating externalRating,
        Financials financials,
        String currency,
        Integer standardTermsDays,
        StatusSetting status,
        InternalLimit internalLimit,
        InsurerCover cover,
        RiskAssessment assessment,
        LocalDate lastReviewDate,
        LocalDate nextReviewDate,
        LocalDate openedOn,
        String parentAccountId,
        long version,
        Instant updatedAt,
        String updatedBy,
        String collector) {

    /** Customer ids as ERPs write them: letters, digits and {@code . _ : / -} (as the decision API takes them). */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public CreditAccount {
        check(customerId != null && IDENTIFIER.matcher(customerId).matches(), "customerId",
                "must be 1 to 64 letters, digits or . _ : / - starting with a letter or digit");
        check(name == null || name.length() <= 200, "name", "must be at most 200 characters");
        check(country == null || COUNTRIES.contains(country), "country",
                "must be an ISO 3166 alpha-2 country code such as FR");
        check(sector != null && CODE.matcher(sector).matches(), "sector",
                "is required, an upper-case code of the credit policy such as MANUFACTURING");
        check(legalForm != null && CODE.matcher(legalForm).matches(), "legalForm",
                "is required, an upper-case code of the credit policy such as SAS");
        check(currency != null && isCurrency(currency), "currency", "is required, an ISO 4217 code such as EUR");
        days(standardTermsDays, "standardTermsDays");
        check(status != null, "status", "is required");
        check(parentAccountId == null || IDENTIFIER.matcher(parentAccountId).matches(), "parentAccountId",
                "must be a customer id");
        check(!customerId.equals(parentAccountId), "parentAccountId", "must be another account than this one");
        check(version >= 0, "version", "must be 0 or more");
        check(collector == null || (!collector.isBlank() && collector.length() <= 100), "collector",
                "must be 1 to 100 characters");
    }

    /** An account with no collector assigned. */
    public CreditAccount(String customerId, String name, String country, String sector, String legalForm,
                         LocalDate foundingDate, ExternalRating externalRating, Financials financials, String currency,
                         Integer standardTermsDays, StatusSetting status, InternalLimit internalLimit,
                         InsurerCover cover, RiskAssessment assessment, LocalDate lastReviewDate,
                         LocalDate nextReviewDate, LocalDate openedOn, String parentAccountId, long version,
                         Instant updatedAt, String updatedBy) {
        this(customerId, name, country, sector, legalForm, foundingDate, externalRating, financials, currency,
                standardTermsDays, status, internalLimit, cover, assessment, lastReviewDate, nextReviewDate, openedOn,
                parentAccountId, version, updatedAt, updatedBy, null);
    }

    /** Amounts with at least two decimals, so that 50000 and 50000.00 are the same limit. */
    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(Math.max(2, amount.scale()));
    }

    private static boolean isCurrency(String code) {
        try {
            return code.matches("[A-Z]{3}") && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** The internal limit in force on {@code day}; none before its start or after its end ("valid to" inclusive). */
    public InForce<InternalLimit> limitOn(LocalDate day) {
        if (internalLimit == null) {
            return InForce.none(NotInForce.LIMIT_MISSING);
        }
        if (internalLimit.validFrom() != null && day.isBefore(internalLimit.validFrom())) {
            return InForce.none(NotInForce.LIMIT_NOT_YET_VALID);
        }
        if (internalLimit.validTo() != null && day.isAfter(internalLimit.validTo())) {
            return InForce.none(NotInForce.LIMIT_EXPIRED);
        }
        return InForce.of(internalLimit);
    }

    /** The insurer's cover in force on {@code day}; none before its start or after its end ("valid to" inclusive). */
    public InForce<InsurerCover> coverOn(LocalDate day) {
        if (cover == null) {
            return InForce.none(NotInForce.COVER_MISSING);
        }
        if (cover.validFrom() != null && day.isBefore(cover.validFrom())) {
            return InForce.none(NotInForce.COVER_NOT_YET_VALID);
        }
        if (cover.validTo() != null && day.isAfter(cover.validTo())) {
            return InForce.none(NotInForce.COVER_EXPIRED);
        }
        return InForce.of(cover);
    }

    /** The review is due on {@code day}: the next review date is reached or passed. */
    public boolean reviewDueOn(LocalDate day) {
        return nextReviewDate != null && !day.isBefore(nextReviewDate);
    }

    /** The same master data at another version, written by {@code by} at {@code at}. */
    CreditAccount asVersion(long newVersion, Instant at, String by) {
        return new CreditAccount(customerId, name, country, sector, legalForm, foundingDate, externalRating, financials,
                currency, standardTermsDays, status, internalLimit, cover, assessment, lastReviewDate, nextReviewDate,
                openedOn, parentAccountId, newVersion, at, by, collector);
    }

    /** Whether the two hold the same data, whoever wrote them and whatever their version. */
    boolean sameDataAs(CreditAccount other) {
        return other != null && asVersion(0, null, null).equals(other.asVersion(0, null, null));
    }

    /**
     * The account's status, with why and by whom it was set (a block or a litigation is a decision of a named
     * person, or of the ERP that reported it).
     */
    public record StatusSetting(AccountStatus status, String reason, String setBy, Instant setAt) {
        public StatusSetting {
            check(status != null, "status.status", "is required: ACTIVE, BLOCKED, LITIGATION or CLOSED");
            check(status == AccountStatus.ACTIVE || (reason != null && !reason.isBlank()), "status.reason",
                    "is required when the account is " + status);
            check(reason == null || reason.length() <= 500, "status.reason", "must be at most 500 characters");
        }
    }

    /**
     * The credit limit ("encours autorisé") and its validity; a limit past {@code validTo} is invalid.
     *
     * @param validFrom first day it counts; null: since always
     * @param validTo   last day it counts; null: until changed
     */
    public record InternalLimit(BigDecimal amount, LocalDate validFrom, LocalDate validTo) {
        public InternalLimit {
            check(amount != null, "internalLimit.amount", "is required (0 when no credit is granted)");
            notNegative(amount, "internalLimit.amount");
            amount = money(amount);
            period(validFrom, validTo, "internalLimit.validFrom", "internalLimit.validTo");
        }
    }

    /**
     * The credit insurer's cover of this customer.
     *
     * @param insuredAmount         the insured limit ("limite garantie")
     * @param coveragePercent       the share of a loss the insurer pays ("quotité garantie", often 90); null: the
     *                              policy's default
     * @param maxPaymentTermDays    longest payment terms the cover accepts; null: as the contract says
     * @param notificationDelayDays days after a due date within which an overdue must be notified to the insurer
     */
    public record InsurerCover(String insurer, BigDecimal insuredAmount, BigDecimal coveragePercent,
                               LocalDate validFrom, LocalDate validTo, Integer maxPaymentTermDays,
                               Integer notificationDelayDays) {
        public InsurerCover {
            check(insurer != null && !insurer.isBlank() && insurer.length() <= 100, "cover.insurer",
                    "is required, at most 100 characters");
            check(insuredAmount != null, "cover.insuredAmount", "is required");
            notNegative(insuredAmount, "cover.insuredAmount");
            insuredAmount = money(insuredAmount);
            check(coveragePercent == null || (coveragePercent.signum() >= 0 && coveragePercent.compareTo(HUNDRED) <= 0),
                    "cover.coveragePercent", "must be between 0 and 100");
            period(validFrom, validTo, "cover.validFrom", "cover.validTo");
            days(maxPaymentTermDays, "cover.maxPaymentTermDays");
            days(notificationDelayDays, "cover.notificationDelayDays");
        }
    }

    /** The last customer score: its points, the risk class, and the decision that gave them. */
    public record RiskAssessment(Integer score, String riskClass, String decisionId, Instant assessedAt) {
        public RiskAssessment {
            check(score == null || (score >= 0 && score <= 100), "assessment.score", "must be between 0 and 100");
            check(riskClass != null && CODE.matcher(riskClass).matches(), "assessment.riskClass",
                    "is required, a risk class of the credit policy such as B");
            check(decisionId != null && !decisionId.isBlank(), "assessment.decisionId",
                    "is required: the decision that set the score");
            check(assessedAt != null, "assessment.assessedAt", "is required");
        }
    }
}
