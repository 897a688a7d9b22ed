package io.encours.rules.facts;

/**
 * A legal payment-term cap shorter than the general one, for the customer's sector (sector-caps table):
 * at most {@code maxDays} days net from the invoice date and {@code maxDaysEndOfMonth} days end of month
 * (negative: no end-of-month terms), under the law named by {@code legalReference}.
 */
public final class SectorCap {
    private final int maxDays;
    private final int maxDaysEndOfMonth;
    private final String legalReference;

    public SectorCap(int maxDays) {
        this(maxDays, maxDays - 30, "");
    }

    public SectorCap(int maxDays, int maxDaysEndOfMonth, String legalReference) {
        this.maxDays = maxDays;
        this.maxDaysEndOfMonth = maxDaysEndOfMonth;
        this.legalReference = legalReference;
    }

    public int getMaxDays() { return maxDays; }

    public int getMaxDaysEndOfMonth() { return maxDaysEndOfMonth; }

    public String getLegalReference() { return legalReference; }
}
