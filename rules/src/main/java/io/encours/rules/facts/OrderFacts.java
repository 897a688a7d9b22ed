package io.encours.rules.facts;

import io.encours.rules.model.CreditAccount;
import io.encours.rules.model.CreditGroup;
import io.encours.rules.model.Customer;
import io.encours.rules.model.Exposure;
import io.encours.rules.model.Order;
import io.encours.rules.model.OrderCheckRequest;
import io.encours.rules.model.PaymentMethod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An order credit check as the order-check table sees it: amounts, limits and what they imply
 * (limit use, uninsured amount), account state and documents. Unknown dates give -1 day counts.
 */
public final class OrderFacts {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal orderAmount;
    private final BigDecimal exposureAfterOrder;
    private final BigDecimal internalLimit;
    private final BigDecimal limitUsePercent;
    private final BigDecimal availableCredit;
    private final BigDecimal insuredLimit;
    private final BigDecimal uninsuredAmount;
    private final boolean insured;
    private final boolean insuranceExpired;
    private final boolean limitExpired;
    private final LocalDate limitExpiry;
    private final BigDecimal overdueRatioPercent;
    private final int oldestOverdueDays;
    private final int highestDunningLevel;
    private final BigDecimal disputedAmount;
    private final String accountStatus;
    private final boolean purchaseOrderPresent;
    private final boolean termsAccepted;
    private final int daysSinceReview;
    private final int accountAgeDays;
    private final boolean externalRatingPresent;
    private final String paymentMethod;
    private final String currency;
    private final boolean prepaid;
    private final BigDecimal coveragePercent;
    private final boolean inGroup;
    private final BigDecimal groupLimit;
    private final BigDecimal groupExposureAfterOrder;
    private final boolean groupLimitExceeded;

    private OrderFacts(OrderCheckRequest request) {
        Customer customer = request.customer();
        CreditAccount account = customer.creditAccount();
        Exposure exposure = request.exposure();
        Order order = request.order();
        LocalDate asOf = request.asOf();

        orderAmount = order.amount();
        // a prepaid order is paid before delivery: it takes no credit and does not count against the limit
        prepaid = order.paymentMethod() == PaymentMethod.PREPAYMENT;
        exposureAfterOrder = prepaid ? exposure.total() : exposure.total().add(order.amount());
        limitExpiry = account.limitExpiry();
        limitExpired = limitExpiry != null && limitExpiry.isBefore(asOf);
        // a limit past its validity is no limit: never more credit than an account without one
        internalLimit = account.internalLimit() == null || limitExpired ? BigDecimal.ZERO : account.internalLimit();
        limitUsePercent = internalLimit.signum() == 0
                ? (exposureAfterOrder.signum() == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(999_999))
                : exposureAfterOrder.multiply(HUNDRED).divide(internalLimit, MathContext.DECIMAL64);
        availableCredit = internalLimit.subtract(exposureAfterOrder).max(BigDecimal.ZERO);
        insuranceExpired = account.insuranceExpiry() != null && account.insuranceExpiry().isBefore(asOf);
        insured = account.insuredLimit() != null && account.insuredLimit().signum() > 0;
        insuredLimit = insured && !insuranceExpired ? account.insuredLimit() : BigDecimal.ZERO;
        uninsuredAmount = exposureAfterOrder.subtract(insuredLimit).max(BigDecimal.ZERO);
        coveragePercent = account.coveragePercent();
        overdueRatioPercent = exposure.overdueRatioPercent();
        oldestOverdueDays = exposure.oldestOverdueDays();
        highestDunningLevel = exposure.highestDunningLevel();
        disputedAmount = exposure.disputedAmount();
        accountStatus = account.status().name();
        purchaseOrderPresent = order.purchaseOrderPresent();
        termsAccepted = order.termsAndConditionsAccepted();
        daysSinceReview = daysSince(account.lastReviewDate(), asOf);
        accountAgeDays = daysSince(account.openedOn(), asOf);
        externalRatingPresent = customer.externalRating() != null;
        paymentMethod = order.paymentMethod() == null ? null : order.paymentMethod().name();
        currency = order.currency();
        CreditGroup group = request.group();
        inGroup = group != null;
        // a missing parent counts as a group with no limit: never more generous than without the group
        groupLimit = inGroup ? group.limit() : BigDecimal.ZERO;
        groupExposureAfterOrder = !inGroup ? BigDecimal.ZERO
                : prepaid ? group.exposure() : group.exposure().add(order.amount());
        groupLimitExceeded = inGroup && groupExposureAfterOrder.compareTo(groupLimit) > 0;
    }

    public static OrderFacts of(OrderCheckRequest request) {
        return new OrderFacts(request);
    }

    private static int daysSince(LocalDate date, LocalDate asOf) {
        return date == null ? -1 : (int) ChronoUnit.DAYS.between(date, asOf);
    }

    public BigDecimal getOrderAmount() { return orderAmount; }

    /** Exposure once the order is accepted; a prepaid order adds nothing to it. */
    public BigDecimal getExposureAfterOrder() { return exposureAfterOrder; }

    /** The order is paid before delivery (PREPAYMENT): it takes no credit. */
    public boolean isPrepaid() { return prepaid; }

    /** The internal limit in force (0 when there is none or it has expired). */
    public BigDecimal getInternalLimit() { return internalLimit; }

    /** The account's internal limit was valid until a day before the decision's date. */
    public boolean isLimitExpired() { return limitExpired; }

    /** The last day the internal limit is valid; null when it has no end date. */
    public LocalDate getLimitExpiry() { return limitExpiry; }

    /** Exposure after the order as a percentage of the internal limit. */
    public BigDecimal getLimitUsePercent() { return limitUsePercent; }

    public BigDecimal getAvailableCredit() { return availableCredit; }

    /** The insured limit in force (0 when there is no cover or the cover has expired). */
    public BigDecimal getInsuredLimit() { return insuredLimit; }

    /**
     * Exposure after the order above the insured limit in force ("débordement"). The share the insurer would
     * not pay also counts the part of the insured amount above the cover's percentage: the policy works it out
     * from {@link #getCoveragePercent()}.
     */
    public BigDecimal getUninsuredAmount() { return uninsuredAmount; }

    /** The same amount as {@link #getUninsuredAmount()}, under its exact name. */
    public BigDecimal getAmountAboveInsuredLimit() { return uninsuredAmount; }

    /** The cover's coverage percentage ("quotité garantie"); null when the cover does not state it. */
    public BigDecimal getCoveragePercent() { return coveragePercent; }

    /** The account has (or had) an insured limit. */
    public boolean isInsured() { return insured; }

    public boolean isInsuranceExpired() { return insuranceExpired; }

    public BigDecimal getOverdueRatioPercent() { return overdueRatioPercent; }

    public int getOldestOverdueDays() { return oldestOverdueDays; }

    public int getHighestDunningLevel() { return highestDunningLevel; }

    public BigDecimal getDisputedAmount() { return disputedAmount; }

    public String getAccountStatus() { return accountStatus; }

    public boolean isPurchaseOrderPresent() { return purchaseOrderPresent; }

    public boolean isTermsAccepted() { return termsAccepted; }

    /** Days since the last limit review; -1 when the limit was never reviewed. */
    public int getDaysSinceReview() { return daysSinceReview; }

    /** Days since the account was opened; -1 when unknown. */
    public int getAccountAgeDays() { return accountAgeDays; }

    public boolean isExternalRatingPresent() { return externalRatingPresent; }

    public String getPaymentMethod() { return paymentMethod; }

    public String getCurrency() { return currency; }

    /** The customer's account belongs to a group (it has a parent account). */
    public boolean isInGroup() { return inGroup; }

    /** The group's limit in force (0 when the parent has none, its limit expired or the parent is missing). */
    public BigDecimal getGroupLimit() { return groupLimit; }

    /** The group's exposure once the order is accepted (0 outside a group). */
    public BigDecimal getGroupExposureAfterOrder() { return groupExposureAfterOrder; }

    /** The customer belongs to a group and the group's exposure after the order exceeds the group's limit. */
    public boolean isGroupLimitExceeded() { return groupLimitExceeded; }
}
