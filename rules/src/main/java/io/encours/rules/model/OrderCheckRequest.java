package io.encours.rules.model;

import java.time.LocalDate;

/**
 * May this order go out on credit? {@code group} is the customer's group (parent account) when it has one,
 * null otherwise.
 */
public record OrderCheckRequest(Customer customer, Exposure exposure, Order order, LocalDate asOf, CreditGroup group)
        implements DecisionRequest {
    /** A customer that belongs to no group. */
    public OrderCheckRequest(Customer customer, Exposure exposure, Order order, LocalDate asOf) {
        this(customer, exposure, order, asOf, null);
    }

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
