package io.encours.rules.facts;

import io.encours.rules.model.PaymentMethod;
import io.encours.rules.model.PaymentTermsRequest;

/** A payment-term request as the payment-terms table sees it. */
public final class TermsFacts {
    private final int requestedDays;
    private final boolean endOfMonth;
    private final int maxDaysFromInvoice;
    private final int agreedDays;
    private final boolean withinAgreedTerms;
    private final String sector;
    private final boolean directDebit;

    private TermsFacts(PaymentTermsRequest request) {
        requestedDays = request.requestedTerms().days();
        endOfMonth = request.requestedTerms().endOfMonth();
        maxDaysFromInvoice = request.requestedTerms().maxDaysFromInvoice();
        Integer agreed = request.customer().creditAccount().standardTermsDays();
        agreedDays = agreed == null ? -1 : agreed;
        withinAgreedTerms = agreed != null && !endOfMonth && requestedDays <= agreed;
        sector = request.customer().sector();
        directDebit = request.paymentMethod() == PaymentMethod.DIRECT_DEBIT;
    }

    public static TermsFacts of(PaymentTermsRequest request) {
        return new TermsFacts(request);
    }

    public int getRequestedDays() { return requestedDays; }

    public boolean isEndOfMonth() { return endOfMonth; }

    /** Worst-case days from the invoice date to payment (end of month adds up to 30 days). */
    public int getMaxDaysFromInvoice() { return maxDaysFromInvoice; }

    /** Terms already agreed on the customer's account; -1 when none. */
    public int getAgreedDays() { return agreedDays; }

    /** The request asks no more than the terms already agreed on the account. */
    public boolean isWithinAgreedTerms() { return withinAgreedTerms; }

    public String getSector() { return sector; }

    public boolean isDirectDebit() { return directDebit; }
}
