package io.encours.service.ledger;

import io.encours.service.ledger.LedgerEvent.Allocation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A payment received: the allocations applied (each dated the later of the payment and the invoice, so a
 * payment that arrived before its invoice is cash on account until the invoice exists), the allocations still
 * waiting for their invoice, and its reversal date if it bounced.
 */
public record Payment(String paymentId, LocalDate receivedOn, BigDecimal amount, List<Applied> applied,
                      List<Allocation> pending, LocalDate reversedOn) {
    public Payment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(amount, "amount");
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }

    /** Cash received and not allocated on {@code day}; zero before receipt and from the reversal on. */
    public BigDecimal unallocatedOn(LocalDate day) {
        if (day.isBefore(receivedOn) || (reversedOn != null && !day.isBefore(reversedOn))) {
            return BigDecimal.ZERO;
        }
        BigDecimal left = amount;
        for (Applied a : applied) {
            if (!a.on().isAfter(day)) {
                left = left.subtract(a.amount());
            }
        }
        return left;
    }

    Payment withApplied(Applied a, String settledPendingInvoiceId) {
        List<Applied> more = new ArrayList<>(applied);
        more.add(a);
        List<Allocation> stillPending = pending.stream()
                .filter(p -> !p.invoiceId().equals(settledPendingInvoiceId)).toList();
        return new Payment(paymentId, receivedOn, amount, more, stillPending, reversedOn);
    }

    Payment reversed(LocalDate on) {
        return new Payment(paymentId, receivedOn, amount, applied, List.of(), on);
    }

    /** Part of the payment applied to an invoice on a date. */
    public record Applied(String invoiceId, LocalDate on, BigDecimal amount) {
        public Applied {
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(amount, "amount");
        }
    }
}
