package io.encours.rules.facts;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Due dates from an issue date and payment terms. "45 days end of month" is read two ways by French companies;
 * the policy chooses one with its parameter {@code terms.endOfMonthReading}:
 * {@value #DAYS_THEN_END_OF_MONTH} (issue date + 45 days, then the end of that month) or
 * {@value #END_OF_MONTH_THEN_DAYS} (end of the issue month, then + 45 days).
 */
public final class DueDates {
    public static final String DAYS_THEN_END_OF_MONTH = "DAYS_THEN_END_OF_MONTH";
    public static final String END_OF_MONTH_THEN_DAYS = "END_OF_MONTH_THEN_DAYS";

    private DueDates() {
    }

    /** The due date of terms of {@code days} (at end of month or not) for an invoice issued on {@code issuedOn}. */
    public static LocalDate due(LocalDate issuedOn, int days, boolean endOfMonth, String reading) {
        if (!endOfMonth) {
            return issuedOn.plusDays(days);
        }
        return switch (reading) {
            case DAYS_THEN_END_OF_MONTH -> issuedOn.plusDays(days).with(TemporalAdjusters.lastDayOfMonth());
            case END_OF_MONTH_THEN_DAYS -> issuedOn.with(TemporalAdjusters.lastDayOfMonth()).plusDays(days);
            default -> throw new IllegalArgumentException("terms.endOfMonthReading must be " + DAYS_THEN_END_OF_MONTH
                    + " or " + END_OF_MONTH_THEN_DAYS + ", not '" + reading + "'");
        };
    }

    /**
     * The latest due date the caps allow for an invoice issued on {@code issuedOn}: {@code maxDays} net, or
     * {@code maxDaysEndOfMonth} end of month when it is not negative, whichever is later.
     */
    public static LocalDate latestAllowed(LocalDate issuedOn, int maxDays, int maxDaysEndOfMonth, String reading) {
        LocalDate net = issuedOn.plusDays(maxDays);
        if (maxDaysEndOfMonth < 0) {
            return net;
        }
        LocalDate eom = due(issuedOn, maxDaysEndOfMonth, true, reading);
        return eom.isAfter(net) ? eom : net;
    }
}
