package io.encours.service.ledger;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ledger needs from outside to judge an event: today's date, how far in the future an event may be
 * dated (an ERP in another time zone, a document dated tomorrow), and who owns an invoice this customer's
 * ledger does not hold (so that an allocation or credit note on another customer's invoice is refused).
 *
 * @param today              the date of intake
 * @param futureToleranceDays an event dated after {@code today} plus this is refused
 * @param invoiceOwners      the customer owning an invoice id, if any customer does
 */
public record IntakeRules(LocalDate today, int futureToleranceDays, InvoiceOwners invoiceOwners) {
    public IntakeRules {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(invoiceOwners, "invoiceOwners");
        if (futureToleranceDays < 0) {
            throw new IllegalArgumentException("futureToleranceDays must not be negative");
        }
    }

    /** Rules for a single customer's ledger, where no other customer's invoice is known. */
    public static IntakeRules of(LocalDate today, int futureToleranceDays) {
        return new IntakeRules(today, futureToleranceDays, invoiceId -> Optional.empty());
    }

    LocalDate latestAllowed() {
        return today.plusDays(futureToleranceDays);
    }

    /** Finds the customer that owns an invoice (the store answers from its documents). */
    @FunctionalInterface
    public interface InvoiceOwners {
        Optional<String> customerOf(String invoiceId);
    }
}
