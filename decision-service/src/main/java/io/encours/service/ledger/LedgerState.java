package io.encours.service.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link CustomerLedger} holds, as plain records: what a store writes and reads back
 * ({@link CustomerLedger#state()}, {@link CustomerLedger#restore(LedgerState)}).
 *
 * @param fingerprints the content hash of every event accepted, by event id (for duplicates and conflicts)
 * @param marks        what each open document shows of its part in today's exposure, by {@code KIND|id}
 *                     ({@link CustomerLedger.OpenMark}); empty in a state read from the store (restoring computes them)
 */
public record LedgerState(String customerId, String currency, List<Order> orders, List<Shipment> shipments,
                          List<Invoice> invoices, List<Payment> payments, List<Promise> promises,
                          Map<String, String> fingerprints, Map<String, CustomerLedger.OpenMark> marks) {
    public LedgerState {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(currency, "currency");
        orders = List.copyOf(orders);
        shipments = List.copyOf(shipments);
        invoices = List.copyOf(invoices);
        payments = List.copyOf(payments);
        promises = List.copyOf(promises);
        fingerprints = Map.copyOf(fingerprints);
        marks = Map.copyOf(marks);
    }

    public LedgerState(String customerId, String currency, List<Order> orders, List<Shipment> shipments,
                       List<Invoice> invoices, List<Payment> payments, List<Promise> promises,
                       Map<String, String> fingerprints) {
        this(customerId, currency, orders, shipments, invoices, payments, promises, fingerprints, Map.of());
    }
}
