package io.encours.service.decision;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * Current exposure: open invoices and open orders, the overdue part, disputes and dunning level. Every
 * figure the order checks read is required (0 when there is none): a missing figure must not pass for 0.
 * The disputed amount, which the default policy does not read, may be left out (none).
 */
record ExposureInput(
        @NotNull @Amount BigDecimal openInvoices,
        @NotNull @Amount BigDecimal overdueAmount,
        @NotNull @Min(0) @Max(36_500) Integer oldestOverdueDays,
        @NotNull @Amount BigDecimal openOrders,
        @Schema(description = "Left out: none (not read by the default policy)")
        @Amount BigDecimal disputedAmount,
        @NotNull @Min(0) @Max(20) Integer highestDunningLevel) {
}
