package io.encours.service.ledger;

import io.encours.service.ledger.LedgerEvent.InvoiceClosedBySnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an ERP's snapshot of one customer's open items means for the ledger. An invoice the ledger holds as open
 * and the snapshot does not list was closed in the ERP by something the ledger was not told about: it becomes
 * an explicit {@link InvoiceClosedBySnapshot} event, listed for a person to see, never a silent payment (it does
 * not count as paid in the payment behaviour). Invoices issued after the snapshot date are not expected in it.
 *
 * @param closures       the events to apply, one per invoice missing from the snapshot, with ids derived from
 *                       the snapshot id and the invoice id (applying the same snapshot twice is a duplicate)
 * @param unknownInvoices invoices the snapshot lists as open and the ledger does not hold (to import)
 */
public record SnapshotReconciliation(List<InvoiceClosedBySnapshot> closures, Set<String> unknownInvoices) {
    public SnapshotReconciliation {
        closures = List.copyOf(closures);
        unknownInvoices = Set.copyOf(unknownInvoices);
    }

    public static SnapshotReconciliation of(CustomerLedger ledger, String snapshotId, LocalDate snapshotOn,
                                            Set<String> openInvoiceIds) {
        Objects.requireNonNull(snapshotId, "snapshotId");
        List<InvoiceClosedBySnapshot> closures = new ArrayList<>();
        for (Invoice invoice : ledger.invoices().values()) {
            BigDecimal open = invoice.openOn(CustomerLedger.END);
            if (open.signum() > 0 && !invoice.issuedOn().isAfter(snapshotOn) && !openInvoiceIds.contains(invoice.invoiceId())) {
                closures.add(new InvoiceClosedBySnapshot("snapshot:" + snapshotId + ":" + invoice.invoiceId(),
                        ledger.customerId(), snapshotOn, ledger.currency(), invoice.invoiceId(), snapshotId, open));
            }
        }
        Set<String> unknown = new TreeSet<>(openInvoiceIds);
        unknown.removeAll(ledger.invoices().keySet());
        return new SnapshotReconciliation(closures, unknown);
    }
}
