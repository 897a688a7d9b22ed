package io.encours.rules.model;

import java.time.LocalDate;

/** May this order go out on credit? */
public record OrderCheckRequest(Customer customer, Exposure exposure, Order order, LocalDate asOf)
        implements DecisionRequest {
    public OrderCheckRequest {
        InvalidFact.required(customer, "customer");
        InvalidFact.required(order, "order");
        InvalidFact.required(asOf, "asOf");
        exposure = exposure == null ? Exposure.none() : exposure;
    }

    @Override
    public DecisionType type() {
        return DecisionType.ORDER_CHECK;
    }
}
