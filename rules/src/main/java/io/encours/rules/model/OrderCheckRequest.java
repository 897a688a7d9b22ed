package io.encours.rules.model;

import java.time.LocalDate;
import java.util.Objects;

/** May this order go out on credit? */
public record OrderCheckRequest(Customer customer, Exposure exposure, Order order, LocalDate asOf)
        implements DecisionRequest {
    public OrderCheckRequest {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(asOf, "asOf");
        exposure = exposure == null ? Exposure.none() : exposure;
    }

    @Override
    public DecisionType type() {
        return DecisionType.ORDER_CHECK;
    }
}
