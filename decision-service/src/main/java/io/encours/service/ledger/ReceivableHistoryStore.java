package io.encours.service.ledger;

import static io.encours.service.ledger.LedgerDocuments.CURRENCY;
import static io.encours.service.ledger.LedgerDocuments.CUSTOMER_ID;
import static io.encours.service.ledger.LedgerDocuments.ID;
import static io.encours.service.ledger.LedgerDocuments.KIND;
import static io.encours.service.ledger.LedgerDocuments.LEDGER_VERSION;
import static io.encours.service.ledger.LedgerDocuments.PENDING;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.encours.service.ledger.LedgerDocuments.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reads of the ledger's documents for whole-book reports ({@link ReceivableHistories}): only invoices and
 * promises ({@code kind} in INVOICE, PROMISE: the prefix of the index {@code {kind, documentId}}), never
 * orders, shipments or payments. A customer with a batch still pending is read through {@link LedgerStore}
 * (which writes the batch out first), so a report never sees a batch half written.
 */
final class ReceivableHistoryStore implements ReceivableHistories {
    private static final List<String> KINDS = List.of(LedgerDocuments.Kind.INVOICE.name(),
            LedgerDocuments.Kind.PROMISE.name());

    private final MongoCollection<Document> positions;
    private final MongoCollection<Document> documents;
    private final LedgerStore ledger;

    ReceivableHistoryStore(MongoTemplate mongo, LedgerStore ledger) {
        this.positions = mongo.getCollection(LedgerDocuments.POSITIONS);
        this.documents = mongo.getCollection(LedgerDocuments.DOCUMENTS);
        this.ledger = ledger;
    }

    @Override
    public Map<String, StoredCustomer> customers() {
        Map<String, StoredCustomer> customers = new HashMap<>();
        positions.find().projection(Projections.include(ID, CURRENCY, LEDGER_VERSION, PENDING + "." + LEDGER_VERSION))
                .forEach(d -> customers.put(d.getString(ID), new StoredCustomer(d.getString(CURRENCY),
                        d.get(PENDING) != null ? -1L : d.get(LEDGER_VERSION, Number.class).longValue())));
        return customers;
    }

    @Override
    public void readAll(BiConsumer<String, Invoice> invoices, BiConsumer<String, Promise> promises) {
        documents.find(Filters.in(KIND, KINDS)).forEach(d -> {
            String customerId = d.getString(CUSTOMER_ID);
            LedgerState one = LedgerDocuments.toState(customerId, "XXX", List.of(d), Map.of());
            one.invoices().forEach(i -> invoices.accept(customerId, i));
            one.promises().forEach(p -> promises.accept(customerId, p));
        });
    }

    @Override
    public Optional<CustomerReceivables> of(String customerId) {
        Optional<Position> position = ledger.existingPosition(customerId);
        if (position.isEmpty()) {
            return Optional.empty();
        }
        List<Document> docs = new ArrayList<>();
        documents.find(Filters.and(Filters.gte(ID, LedgerDocuments.firstKey(customerId)),
                Filters.lt(ID, LedgerDocuments.afterLastKey(customerId)), Filters.in(KIND, KINDS))).forEach(docs::add);
        LedgerState state = LedgerDocuments.toState(customerId, position.get().currency(), docs, Map.of());
        return Optional.of(new CustomerReceivables(customerId, position.get().currency(),
                position.get().ledgerVersion(), state.invoices(), state.promises()));
    }
}
