package io.encours.service.account;

import io.encours.rules.model.InvalidFact;
import io.encours.rules.model.ExternalRating;
import io.encours.rules.model.Financials;
import io.encours.service.account.CreditAccount.InsurerCover;
import io.encours.service.account.CreditAccount.InternalLimit;
import io.encours.service.account.CreditAccount.RiskAssessment;
import io.encours.service.account.CreditAccount.StatusSetting;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An account as a caller sends it (create, replace, and the shape a merge patch applies to). Plain values:
 * the invariants are checked once, by {@link CreditAccount} and its parts, and reported with the field's
 * path. Who set the status and when, the version and the time of the change are the service's to fill.
 */
@Schema(description = "A credit account's master data")
record AccountBody(
        @Schema(example = "C-1000") String customerId,
        @Schema(example = "Ateliers Dupont SAS") String name,
        @Schema(example = "FR") String country,
        @Schema(description = "A sector code of the credit policy", example = "MANUFACTURING") String sector,
        @Schema(description = "A legal-form code of the credit policy", example = "SAS") String legalForm,
        LocalDate foundingDate,
        Rating externalRating,
        Financials financials,
        @Schema(example = "EUR") String currency,
        Integer standardTermsDays,
        Status status,
        Limit internalLimit,
        Cover cover,
        Assessment assessment,
        LocalDate lastReviewDate,
        LocalDate nextReviewDate,
        LocalDate openedOn,
        String parentAccountId,
        @Schema(description = "On a change: the version it was made on (or send If-Match)") Long version,
        @Schema(description = "Why the change is made; kept in the account's history") String reason,
        @Schema(description = "Who works the account's dunning worklist (a user name); left out: none", example = "j.martin")
        String collector) {

    record Rating(String provider, Integer score, LocalDate ratedOn) {
    }

    record Status(AccountStatus status, String reason) {
    }

    record Limit(BigDecimal amount, LocalDate validFrom, LocalDate validTo) {
    }

    record Cover(String insurer, BigDecimal insuredAmount, BigDecimal coveragePercent, LocalDate validFrom,
                 LocalDate validTo, Integer maxPaymentTermDays, Integer notificationDelayDays) {
    }

    record Assessment(Integer score, String riskClass, String decisionId, Instant assessedAt) {
    }

    static AccountBody of(CreditAccount a) {
        ExternalRating r = a.externalRating();
        StatusSetting s = a.status();
        InternalLimit l = a.internalLimit();
        InsurerCover c = a.cover();
        RiskAssessment x = a.assessment();
        return new AccountBody(a.customerId(), a.name(), a.country(), a.sector(), a.legalForm(), a.foundingDate(),
                r == null ? null : new Rating(r.provider(), r.score(), r.ratedOn()), a.financials(), a.currency(),
                a.standardTermsDays(), new Status(s.status(), s.reason()),
                l == null ? null : new Limit(l.amount(), l.validFrom(), l.validTo()),
                c == null ? null : new Cover(c.insurer(), c.insuredAmount(), c.coveragePercent(), c.validFrom(),
                        c.validTo(), c.maxPaymentTermDays(), c.notificationDelayDays()),
                x == null ? null : new Assessment(x.score(), x.riskClass(), x.decisionId(), x.assessedAt()),
                a.lastReviewDate(), a.nextReviewDate(), a.openedOn(), a.parentAccountId(), a.version(), null,
                a.collector());
    }

    /**
     * The account this body describes, at {@code version}, written by {@code by} at {@code at}. The status keeps
     * who set it when it did not change; a new status or reason is set by {@code by}. No status: ACTIVE.
     *
     * @throws InvalidFact naming the first field that breaks an invariant
     */
    CreditAccount toAccount(String id, long newVersion, Instant at, String by, CreditAccount previous) {
        AccountStatus newStatus = status == null || status.status() == null ? AccountStatus.ACTIVE : status.status();
        String newReason = status == null ? null : status.reason();
        StatusSetting old = previous == null ? null : previous.status();
        StatusSetting setting = old != null && old.status() == newStatus && java.util.Objects.equals(old.reason(), newReason)
                ? old : new StatusSetting(newStatus, newReason, by, at);
        ExternalRating rating = null;
        if (externalRating != null) {
            AccountChecks.check(externalRating.score() != null && externalRating.score() >= 0
                    && externalRating.score() <= 100, "externalRating.score", "is required, between 0 and 100");
            rating = new ExternalRating(externalRating.provider(), externalRating.score(), externalRating.ratedOn());
        }
        return new CreditAccount(id, name, country, sector, legalForm, foundingDate, rating, financials, currency,
                standardTermsDays, setting,
                internalLimit == null ? null
                        : new InternalLimit(internalLimit.amount(), internalLimit.validFrom(), internalLimit.validTo()),
                cover == null ? null : new InsurerCover(cover.insurer(), cover.insuredAmount(), cover.coveragePercent(),
                        cover.validFrom(), cover.validTo(), cover.maxPaymentTermDays(), cover.notificationDelayDays()),
                assessment == null ? null : new RiskAssessment(assessment.score(), assessment.riskClass(),
                        assessment.decisionId(), assessment.assessedAt() == null ? at : assessment.assessedAt()),
                lastReviewDate, nextReviewDate, openedOn, parentAccountId, newVersion, at, by, collector);
    }
}
