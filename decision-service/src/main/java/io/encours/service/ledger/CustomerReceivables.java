package io.encours.service.ledger;

import java.util.List;

/**
 * One customer's invoices open on a date that a dunning run considers (due by the date + a window), with the
 * customer's payment behaviour on that date (the debtor profile's inputs).
 */
public record CustomerReceivables(String customerId, PaymentBehaviour behaviour,
                                  List<OpenInvoice> invoices) {
    public CustomerReceivables {
        invoices = List.copyOf(invoices);
    }
}
