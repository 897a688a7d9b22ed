package io.encours.service.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The ledger's invoices with their whole settlement history, and its promises, for reports that read the whole
 * book (the receivables KPIs): who reads them never touches the ledger's collections. Invoices carry their
 * payments' allocations, credit notes, write-offs, snapshot closures and reversals with their own dates, so any
 * past date can be computed from them.
 */
public interface ReceivableHistories {

    /** One customer's invoices and promises as stored at {@code ledgerVersion}. */
    record CustomerReceivables(String customerId, String currency, long ledgerVersion, List<Invoice> invoices,
                               List<Promise> promises) {
        public CustomerReceivables {
            Objects.requireNonNull(customerId, "customerId");
            invoices = List.copyOf(invoices);
            promises = List.copyOf(promises);
        }
    }

    /** A customer with a ledger: its currency and the version of its documents. */
    record StoredCustomer(String currency, long ledgerVersion) {
    }

    /**
     * Every customer with a ledger, by id; a customer whose batch is still being written out is given with
     * version -1 (read it again with {@link #of}).
     */
    Map<String, StoredCustomer> customers();

    /**
     * Every invoice and every promise of the book, one document at a time in no particular order (a full read,
     * for a start-up load: nothing of it is held here).
     */
    void readAll(BiConsumer<String, Invoice> invoices, BiConsumer<String, Promise> promises);

    /** One customer's invoices and promises, its pending batch written out first. */
    Optional<CustomerReceivables> of(String customerId);
}
