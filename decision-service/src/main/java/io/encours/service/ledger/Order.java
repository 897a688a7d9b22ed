package io.encours.service.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A booked order as the ledger keeps it: its amount over time (booking, then each change, with their dates),
 * its requested delivery date and its cancellation date, so its amount on any past day is known.
 */
public record Order(String orderId, LocalDate bookedOn, List<DatedAmount> amounts, LocalDate deliveryOn,
                    LocalDate cancelledOn) {
    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(bookedOn, "bookedOn");
        amounts = amounts.stream().sorted(Comparator.comparing(DatedAmount::on)).toList();
        if (amounts.isEmpty()) {
            throw new IllegalArgumentException("an order has an amount");
        }
    }

    /** The order's amount on {@code day}: zero before it was booked and from its cancellation on. */
    public BigDecimal amountOn(LocalDate day) {
        if (day.isBefore(bookedOn) || (cancelledOn != null && !day.isBefore(cancelledOn))) {
            return BigDecimal.ZERO;
        }
        BigDecimal amount = amounts.get(0).amount();
        for (DatedAmount a : amounts) {
            if (!a.on().isAfter(day)) {
                amount = a.amount();
            }
        }
        return amount;
    }

    /** The latest amount (whatever the date), for checks on a change. */
    public BigDecimal currentAmount() {
        return amounts.get(amounts.size() - 1).amount();
    }

    Order changed(LocalDate on, BigDecimal amount, LocalDate newDeliveryOn) {
        List<DatedAmount> more = new java.util.ArrayList<>(amounts);
        more.add(new DatedAmount(on, amount));
        return new Order(orderId, bookedOn, more, newDeliveryOn != null ? newDeliveryOn : deliveryOn, cancelledOn);
    }

    Order cancelled(LocalDate on) {
        return new Order(orderId, bookedOn, amounts, deliveryOn, on);
    }

    /** An amount from a date on. */
    public record DatedAmount(LocalDate on, BigDecimal amount) {
        public DatedAmount {
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(amount, "amount");
        }
    }
}
