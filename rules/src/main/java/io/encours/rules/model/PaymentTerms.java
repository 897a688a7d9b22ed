package io.encours.rules.model;

/** Payment terms: a number of days, counted from the invoice date or at end of month ("fin de mois"). */
public record PaymentTerms(int days, boolean endOfMonth) {
    public PaymentTerms {
        InvalidFact.notNegative(days, "days");
    }

    /**
     * Worst-case days between invoice date and payment: end-of-month terms can add up to 30 days.
     * This is what a sector cap expressed in days from the invoice date is compared with.
     */
    public int maxDaysFromInvoice() {
        return endOfMonth ? days + 30 : days;
    }

    /** 0 days, not at end of month: the invoice is payable on receipt, i.e. on delivery, not before it. */
    public boolean onReceipt() {
        return days == 0 && !endOfMonth;
    }

    @Override
    public String toString() {
        if (onReceipt()) {
            return "payment on receipt";
        }
        return days + (endOfMonth ? " days end of month" : " days");
    }
}
