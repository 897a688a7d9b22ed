package io.encours.service.ledger;

/**
 * The parts of a customer's exposure (SAP credit exposure categories; OCA's financial risk splits them the
 * same way). {@link #sign()} says how a category enters the total counted against the limit: added (+1),
 * subtracted (-1), or shown only (0, "statistical").
 */
public enum ExposureCategory {
    /** Booked, not yet shipped nor invoiced, due for delivery within the horizon (or without a delivery date). */
    OPEN_ORDERS(1),
    /** Open orders due for delivery after the horizon: shown, not counted. */
    OPEN_ORDERS_BEYOND_HORIZON(0),
    /** Approved by an order check and not yet booked by the ERP (the next phase's reservations). */
    APPROVED_NOT_BOOKED(1),
    /** Delivered, not yet invoiced. */
    SHIPPED_NOT_INVOICED(1),
    /** Invoiced, open, not yet due (or within the grace days). */
    OPEN_INVOICES_NOT_DUE(1),
    /** Invoiced, open, past due. */
    OVERDUE(1),
    /** Of the open invoices, the disputed part: already in the two above, shown, not counted again. */
    DISPUTED(0),
    /** Cash received and not allocated: the customer's money on account, subtracted. */
    UNALLOCATED_CASH(-1);

    private final int sign;

    ExposureCategory(int sign) {
        this.sign = sign;
    }

    public int sign() {
        return sign;
    }
}
