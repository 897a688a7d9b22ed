package io.encours.service.ledger;

import static io.encours.service.ledger.LedgerDocuments.CUSTOMER_ID;
import static io.encours.service.ledger.LedgerDocuments.ID;
import static io.encours.service.ledger.LedgerDocuments.KIND;
import static io.encours.service.ledger.LedgerDocuments.PENDING;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The read of every customer's receivables in one pass for a dunning run: the ledger documents a payment
 * behaviour and the open invoices need (invoices, payments, promises; not orders nor shipments), in
 * {@code _id} order, so that each customer's documents come together ({@code _id} starts with the customer id)
 * and the read walks the {@code _id} index once instead of one query per customer.
 */
final class OpenInvoiceStore {
    private static final List<String> KINDS = List.of(LedgerDocuments.Kind.INVOICE.name(),
            LedgerDocuments.Kind.PAYMENT.name(), LedgerDocuments.Kind.PROMISE.name());
    private static final int BATCH = 2_000;

    private final MongoCollection<Document> positions;
    private final MongoCollection<Document> documents;

    OpenInvoiceStore(MongoTemplate mongo) {
        this.positions = mongo.getCollection(LedgerDocuments.POSITIONS);
        this.documents = mongo.getCollection(LedgerDocuments.DOCUMENTS);
    }

    /** Customers whose position still holds a batch being written out (to complete before reading). */
    List<String> customersWithPendingBatches() {
        List<String> ids = new ArrayList<>();
        positions.find(Filters.exists(PENDING, true)).projection(Projections.include(ID))
                .forEach(d -> ids.add(d.getString(ID)));
        return ids;
    }

    /** Each customer's documents (those of {@link #KINDS}), one customer at a time, in customer id order. */
    void forEachCustomer(BiConsumer<String, List<Document>> customer) {
        String current = null;
        List<Document> docs = new ArrayList<>();
        try (MongoCursor<Document> cursor = documents.find(Filters.in(KIND, KINDS)).sort(Sorts.ascending(ID))
                .batchSize(BATCH).iterator()) {
            while (cursor.hasNext()) {
                Document d = cursor.next();
                String customerId = d.getString(CUSTOMER_ID);
                if (current != null && !current.equals(customerId)) {
                    customer.accept(current, docs);
                    docs = new ArrayList<>();
                }
                current = customerId;
                docs.add(d);
            }
        }
        if (current != null) {
            customer.accept(current, docs);
        }
    }
}
