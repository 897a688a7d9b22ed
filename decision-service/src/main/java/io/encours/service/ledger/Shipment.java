package io.encours.service.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A delivery of (part of) an order; {@code complete}: the order's rest will not be delivered. */
public record Shipment(String shipmentId, String orderId, LocalDate shippedOn, BigDecimal amount, boolean complete) {
    public Shipment {
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(shippedOn, "shippedOn");
        Objects.requireNonNull(amount, "amount");
    }
}
