package io.encours.service.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An order check answered APPROVE whose order the ERP has not booked yet: it counts as exposure until the
 * order-booked or order-cancelled event arrives or it expires (kept by the next phase's reservations, outside
 * the ledger). Once the ledger holds the order as booked on the exposure's date, the check no longer counts.
 */
public record ApprovedOrderCheck(String decisionId, String orderId, LocalDate approvedOn, BigDecimal amount) {
    public ApprovedOrderCheck {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(approvedOn, "approvedOn");
        Objects.requireNonNull(amount, "amount");
    }
}
