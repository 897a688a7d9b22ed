package io.encours.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An unpaid invoice to dun, with the promises made and the steps already taken. {@code terms} are the invoice's
 * payment terms (null when not given): with them, the policy computes the due date from the issue date.
 */
public record OverdueInvoice(
        String number,
        BigDecimal amount,
        LocalDate issuedOn,
        LocalDate dueDate,
        boolean disputed,
        List<PaymentPromise> promises,
        List<DunningRecord> previousActions,
        PaymentTerms terms) {

    /** The amount is not negative, the due date known and not before the issue date. */
    public OverdueInvoice {
        InvalidFact.notNegative(InvalidFact.required(amount, "amount"), "amount");
        InvalidFact.required(dueDate, "dueDate");
        InvalidFact.notBefore(dueDate, "dueDate", issuedOn, "issuedOn");
        promises = promises == null ? List.of() : List.copyOf(promises);
        previousActions = previousActions == null ? List.of() : List.copyOf(previousActions);
    }

    /** An invoice whose payment terms are not given: its stated due date is taken. */
    public OverdueInvoice(String number, BigDecimal amount, LocalDate issuedOn, LocalDate dueDate, boolean disputed,
                          List<PaymentPromise> promises, List<DunningRecord> previousActions) {
        this(number, amount, issuedOn, dueDate, disputed, promises, previousActions, null);
    }

    /** Days past the due date on {@code asOf}; negative before the due date. */
    public int daysPastDue(LocalDate asOf) {
        return (int) ChronoUnit.DAYS.between(dueDate, asOf);
    }

    public int brokenPromises() {
        return (int) promises.stream().filter(p -> p.status() == PaymentPromise.PromiseStatus.BROKEN).count();
    }

    public boolean hasPendingPromise(LocalDate asOf) {
        return promises.stream().anyMatch(p -> p.status() == PaymentPromise.PromiseStatus.PENDING
                && !p.promisedFor().isBefore(asOf));
    }

    public DunningRecord lastAction() {
        return previousActions.stream().max((a, b) -> a.on().compareTo(b.on())).orElse(null);
    }
}
