package io.encours.service.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One open document behind an exposure figure.
 *
 * @param documentId the order, shipment, invoice or payment id (the decision id for an approved check)
 * @param dated      the date that places it: delivery date (or booking date) of an order, shipping date, due date
 *                   of an invoice, receipt date of a payment
 * @param daysOverdue days past the due date for an overdue invoice; 0 otherwise
 */
public record ExposureLine(ExposureCategory category, String documentId, LocalDate dated, BigDecimal amount, long daysOverdue) {
    public ExposureLine {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(amount, "amount");
    }
}
