package io.encours.rules.facts;

import io.encours.rules.model.CreditAccount;
import io.encours.rules.model.DunningRecord;
import io.encours.rules.model.DunningRequest;
import io.encours.rules.model.OverdueInvoice;
import io.encours.rules.model.PaymentBehaviour;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An overdue invoice and its debtor as the dunning tables see them. */
public final class InvoiceFacts {
    private final String invoiceNumber;
    private final BigDecimal amount;
    private final LocalDate dueDate;
    private final int daysPastDue;
    private final boolean disputed;
    private final int brokenPromises;
    private final boolean pendingPromise;
    private final int lastActionLevel;
    private final int daysSinceLastAction;
    private final BigDecimal averageDaysLate;
    private final boolean behaviourKnown;
    private final int incidents;
    private final String declaredProfile;
    private final String accountStatus;
    private final boolean insured;
    private final LocalDate issuedOn;
    private final LocalDate statedDueDate;
    private final boolean dueDateCorrected;
    private final String terms;

    private InvoiceFacts(DunningRequest request, String endOfMonthReading) {
        OverdueInvoice invoice = request.invoice();
        LocalDate asOf = request.asOf();
        invoiceNumber = invoice.number();
        amount = invoice.amount();
        issuedOn = invoice.issuedOn();
        statedDueDate = invoice.dueDate();
        // with its terms, the due date is computed from the issue date, in the policy's reading of end of month
        LocalDate computed = invoice.terms() == null || issuedOn == null ? null
                : DueDates.due(issuedOn, invoice.terms().days(), invoice.terms().endOfMonth(), endOfMonthReading);
        dueDate = computed != null ? computed : statedDueDate;
        dueDateCorrected = computed != null && statedDueDate != null && !computed.equals(statedDueDate);
        terms = invoice.terms() == null ? null : invoice.terms().toString();
        daysPastDue = (int) ChronoUnit.DAYS.between(dueDate, asOf);
        disputed = invoice.disputed();
        brokenPromises = invoice.brokenPromises();
        pendingPromise = invoice.hasPendingPromise(asOf);
        DunningRecord last = invoice.lastAction();
        lastActionLevel = last == null ? 0 : last.level();
        daysSinceLastAction = last == null ? -1 : (int) ChronoUnit.DAYS.between(last.on(), asOf);
        PaymentBehaviour behaviour = request.customer().paymentBehaviour();
        behaviourKnown = behaviour != null && behaviour.averageDaysLate() != null;
        averageDaysLate = behaviourKnown ? behaviour.averageDaysLate() : BigDecimal.ZERO;
        incidents = behaviour == null ? 0 : behaviour.incidentsLast12Months();
        declaredProfile = request.declaredProfile() == null ? "NONE" : request.declaredProfile().name();
        CreditAccount account = request.customer().creditAccount();
        accountStatus = account.status().name();
        insured = account.insuredLimit() != null && account.insuredLimit().signum() > 0
                && (account.insuranceExpiry() == null || !account.insuranceExpiry().isBefore(dueDate));
    }

    /** Facts of an invoice whose terms, if given, are not at end of month (or are read the default way). */
    public static InvoiceFacts of(DunningRequest request) {
        return new InvoiceFacts(request, DueDates.DAYS_THEN_END_OF_MONTH);
    }

    /** @param endOfMonthReading the policy's reading of end-of-month terms (see {@link DueDates}) */
    public static InvoiceFacts of(DunningRequest request, String endOfMonthReading) {
        return new InvoiceFacts(request, endOfMonthReading);
    }

    public LocalDate getIssuedOn() { return issuedOn; }

    /** The due date the caller gave. */
    public LocalDate getStatedDueDate() { return statedDueDate; }

    /** The caller's due date is not the one the invoice's terms give: the computed one is used. */
    public boolean isDueDateCorrected() { return dueDateCorrected; }

    /** The invoice's terms as text ("45 days end of month"); null when not given. */
    public String getTerms() { return terms; }

    public String getInvoiceNumber() { return invoiceNumber; }

    public BigDecimal getAmount() { return amount; }

    /** The due date used: computed from the issue date and the terms when given, else the caller's. */
    public LocalDate getDueDate() { return dueDate; }

    /** Days past the due date; negative before it (pre-due reminders). */
    public int getDaysPastDue() { return daysPastDue; }

    public boolean isDisputed() { return disputed; }

    public int getBrokenPromises() { return brokenPromises; }

    /** A promise to pay on or after today is still open. */
    public boolean isPendingPromise() { return pendingPromise; }

    /** Ladder level of the last step already taken; 0 when none. */
    public int getLastActionLevel() { return lastActionLevel; }

    /** Days since the last step; -1 when none. */
    public int getDaysSinceLastAction() { return daysSinceLastAction; }

    /** Average days late; 0 when unknown, so a table must test {@link #isBehaviourKnown()} before it. */
    public BigDecimal getAverageDaysLate() { return averageDaysLate; }

    /** Whether the customer's average days late is known. */
    public boolean isBehaviourKnown() { return behaviourKnown; }

    public int getIncidents() { return incidents; }

    /** The credit team's declared profile, or NONE when none was declared. */
    public String getDeclaredProfile() { return declaredProfile; }

    public String getAccountStatus() { return accountStatus; }

    /** The invoice fell due while the account had credit-insurance cover. */
    public boolean isInsured() { return insured; }
}
