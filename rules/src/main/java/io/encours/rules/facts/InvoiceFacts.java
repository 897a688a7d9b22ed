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

    private InvoiceFacts(DunningRequest request) {
        OverdueInvoice invoice = request.invoice();
        LocalDate asOf = request.asOf();
        invoiceNumber = invoice.number();
        amount = invoice.amount();
        dueDate = invoice.dueDate();
        daysPastDue = invoice.daysPastDue(asOf);
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

    public static InvoiceFacts of(DunningRequest request) {
        return new InvoiceFacts(request);
    }

    public String getInvoiceNumber() { return invoiceNumber; }

    public BigDecimal getAmount() { return amount; }

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
