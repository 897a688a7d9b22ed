package io.encours.service.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An invoice and everything that happened to it, each with its own date: what settled it (payments, credit
 * notes, write-offs, a snapshot), its disputes, its dunning steps. Its open amount on any day follows from them.
 *
 * @param orderId    the order it refers to, as sent (may be null when it refers to a shipment)
 * @param shipmentId the shipment it refers to, as sent (may be null)
 */
public record Invoice(String invoiceId, String orderId, String shipmentId, LocalDate issuedOn, LocalDate dueOn,
                      BigDecimal amount, List<Settlement> settlements, List<DisputeMovement> disputes,
                      List<DunningStep> dunning) {
    public Invoice {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(amount, "amount");
        settlements = List.copyOf(settlements);
        disputes = List.copyOf(disputes);
        dunning = List.copyOf(dunning);
    }

    /** What remains to be paid on {@code day}: zero before the invoice date. */
    public BigDecimal openOn(LocalDate day) {
        if (day.isBefore(issuedOn)) {
            return BigDecimal.ZERO;
        }
        BigDecimal open = amount;
        for (Settlement s : settlements) {
            if (s.effectiveOn(day)) {
                open = open.subtract(s.amount());
            }
        }
        return open;
    }

    /** The disputed part of the open amount on {@code day}. */
    public BigDecimal disputedOn(LocalDate day) {
        BigDecimal disputed = BigDecimal.ZERO;
        for (DisputeMovement d : disputes) {
            if (!d.on().isAfter(day)) {
                disputed = disputed.add(d.amount());
            }
        }
        return disputed.max(BigDecimal.ZERO).min(openOn(day));
    }

    /** The disputed amount as of the latest date, not capped: what a resolution may resolve. */
    BigDecimal disputedInAll() {
        return disputes.stream().map(DisputeMovement::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The highest dunning level sent on or before {@code day}; 0 if none. */
    public int dunningLevelOn(LocalDate day) {
        return dunning.stream().filter(d -> !d.on().isAfter(day)).mapToInt(DunningStep::level).max().orElse(0);
    }

    Invoice settledBy(Settlement s) {
        List<Settlement> more = new ArrayList<>(settlements);
        more.add(s);
        return new Invoice(invoiceId, orderId, shipmentId, issuedOn, dueOn, amount, more, disputes, dunning);
    }

    Invoice withPaymentReversed(String paymentId, LocalDate on) {
        List<Settlement> changed = settlements.stream()
                .map(s -> s.kind() == SettlementKind.PAYMENT && s.sourceId().equals(paymentId) && s.reversedOn() == null
                        ? new Settlement(s.sourceId(), s.kind(), s.on(), s.amount(), on) : s)
                .toList();
        return new Invoice(invoiceId, orderId, shipmentId, issuedOn, dueOn, amount, changed, disputes, dunning);
    }

    Invoice disputed(DisputeMovement d) {
        List<DisputeMovement> more = new ArrayList<>(disputes);
        more.add(d);
        return new Invoice(invoiceId, orderId, shipmentId, issuedOn, dueOn, amount, settlements, more, dunning);
    }

    Invoice dunned(DunningStep step) {
        List<DunningStep> more = new ArrayList<>(dunning);
        more.add(step);
        return new Invoice(invoiceId, orderId, shipmentId, issuedOn, dueOn, amount, settlements, disputes, more);
    }

    public enum SettlementKind { PAYMENT, CREDIT_NOTE, WRITE_OFF, CLOSED_BY_SNAPSHOT }

    /**
     * Part of the invoice settled on {@code on} by a payment, credit note, write-off or snapshot ({@code sourceId}
     * names it); a reversed payment stops settling from {@code reversedOn}.
     */
    public record Settlement(String sourceId, SettlementKind kind, LocalDate on, BigDecimal amount, LocalDate reversedOn) {
        public Settlement {
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(amount, "amount");
        }

        public boolean effectiveOn(LocalDate day) {
            return !on.isAfter(day) && (reversedOn == null || day.isBefore(reversedOn));
        }
    }

    /** A dispute opened (positive amount) or resolved (negative amount) on a date. */
    public record DisputeMovement(String eventId, LocalDate on, BigDecimal amount) {
        public DisputeMovement {
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(amount, "amount");
        }
    }

    public record DunningStep(String eventId, LocalDate on, int level) {
        public DunningStep {
            Objects.requireNonNull(on, "on");
        }
    }
}
