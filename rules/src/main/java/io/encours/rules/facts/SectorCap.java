package io.encours.rules.facts;

/** A legal payment-term cap shorter than the general one, for the customer's sector. */
public final class SectorCap {
    private final int maxDays;

    public SectorCap(int maxDays) { this.maxDays = maxDays; }

    public int getMaxDays() { return maxDays; }
}
