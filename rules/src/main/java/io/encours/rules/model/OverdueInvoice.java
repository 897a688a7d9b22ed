package io.encours.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** An unpaid invoice to dun, with the promises made and the steps already taken. */
public record OverdueInvoice(
        String number,
        BigDecimal amount,
        LocalDate issuedOn,
        LocalDate dueDate,
        boolean disputed,
        List<PaymentPromise> promises,
        List<DunningRecord> previousActions) {

    public OverdueInvoice {
        promises = promises == null ? List.of() : List.copyOf(promises);
        previousActions = previousActions == null ? List.of() : List.copyOf(previousActions);
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
