package io.encours.service.account;

import io.encours.rules.model.Customer;
import io.encours.rules.model.PaymentBehaviour;
import io.encours.service.account.CreditAccount.InsurerCover;
import io.encours.service.account.CreditAccount.InternalLimit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The account as the rules see a customer on a given day, for an order check by reference. Missing or
 * lapsed data never makes a decision more generous:
 * <ul>
 *   <li>a limit past its validity keeps its amount and end date, so that the policy sees an expired limit
 *       (OrderFacts counts it as 0 and the policy answers LIMIT_EXPIRED);</li>
 *   <li>no limit, or one not yet valid, is a limit of 0: every order goes over it;</li>
 *   <li>a cover past its end keeps its amount and end date, so that the policy's own check sees an expired cover
 *       (OrderFacts counts its insured limit as 0 and the policy answers INSURANCE_COVER_EXPIRED);</li>
 *   <li>a cover not yet in force is no cover (insured limit 0);</li>
 *   <li>a CLOSED account is BLOCKED for the rules (which know ACTIVE, BLOCKED and LITIGATION).</li>
 * </ul>
 * Payment behaviour comes from the ledger, not the account: without it the policy scores each of its
 * criteria as missing data (worst band).
 */
public final class AccountFacts {
    private AccountFacts() {
    }

    public static Customer toCustomer(CreditAccount account, LocalDate asOf) {
        return toCustomer(account, asOf, null);
    }

    public static Customer toCustomer(CreditAccount account, LocalDate asOf, PaymentBehaviour behaviour) {
        return new Customer(account.customerId(), account.name(), account.country(), account.sector(),
                account.legalForm(), account.foundingDate(), account.externalRating(), account.financials(),
                behaviour, creditAccount(account, asOf));
    }

    static io.encours.rules.model.CreditAccount creditAccount(CreditAccount account, LocalDate asOf) {
        InForce<InternalLimit> limitInForce = account.limitOn(asOf);
        BigDecimal limit = BigDecimal.ZERO;
        LocalDate limitExpiry = null;
        if (limitInForce.inForce().isPresent() || limitInForce.reason() == InForce.NotInForce.LIMIT_EXPIRED) {
            // in force, or expired: the end date makes the rules treat an expired limit as such
            limit = account.internalLimit().amount();
            limitExpiry = account.internalLimit().validTo();
        }
        InForce<InsurerCover> inForce = account.coverOn(asOf);
        Optional<InsurerCover> cover = Optional.ofNullable(account.cover());
        BigDecimal insured = null;
        LocalDate expiry = null;
        if (inForce.reason() == InForce.NotInForce.COVER_NOT_YET_VALID) {
            insured = BigDecimal.ZERO;
        } else if (cover.isPresent()) {
            // in force, or expired: the expiry date makes the rules treat an expired cover as such
            insured = cover.get().insuredAmount();
            expiry = cover.get().validTo();
        }
        return new io.encours.rules.model.CreditAccount(limit, insured, cover.map(InsurerCover::insurer).orElse(null),
                expiry, account.standardTermsDays(), status(account.status().status()), account.lastReviewDate(),
                account.openedOn(), cover.map(InsurerCover::coveragePercent).orElse(null), limitExpiry);
    }

    static io.encours.rules.model.AccountStatus status(AccountStatus status) {
        return switch (status) {
            case ACTIVE -> io.encours.rules.model.AccountStatus.ACTIVE;
            case LITIGATION -> io.encours.rules.model.AccountStatus.LITIGATION;
            case BLOCKED, CLOSED -> io.encours.rules.model.AccountStatus.BLOCKED;
        };
    }
}
