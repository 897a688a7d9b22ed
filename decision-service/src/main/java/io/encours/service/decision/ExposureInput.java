package io.encours.service.decision;

import io.encours.rules.model.Exposure;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;

/** Current exposure: open invoices and open orders, the overdue part, disputes and dunning level. */
record ExposureInput(
        @Amount BigDecimal openInvoices,
        @Amount BigDecimal overdueAmount,
        @Min(0) @Max(36_500) Integer oldestOverdueDays,
        @Amount BigDecimal openOrders,
        @Amount BigDecimal disputedAmount,
        @Min(0) @Max(20) Integer highestDunningLevel) {

    Exposure toModel() {
        return new Exposure(openInvoices, overdueAmount, oldestOverdueDays == null ? 0 : oldestOverdueDays,
                openOrders, disputedAmount, highestDunningLevel == null ? 0 : highestDunningLevel);
    }
}
