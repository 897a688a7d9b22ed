package io.encours.service.ledger;

/**
 * The conventions of an exposure computation, policy parameters read by the caller.
 *
 * @param deliveryHorizonDays open orders count only if due for delivery within this many days of the date
 *                            (orders without a delivery date always count); null: all open orders count
 * @param graceDays           an invoice counts as overdue only after its due date plus this; 0 by default, so an
 *                            invoice due on the day itself is not yet overdue
 */
public record ExposureRules(Integer deliveryHorizonDays, int graceDays) {
    public static final ExposureRules DEFAULT = new ExposureRules(null, 0);

    public ExposureRules {
        if (deliveryHorizonDays != null && deliveryHorizonDays < 0) {
            throw new IllegalArgumentException("deliveryHorizonDays must not be negative");
        }
        if (graceDays < 0) {
            throw new IllegalArgumentException("graceDays must not be negative");
        }
    }
}
