package io.encours.service.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with typed maps: unique-index keys compared natively
 * ({@link IndexKeyType}) and documents stored as BSON ({@link DocumentType}). Map names and layout are the
 * backend's own; only how keys and documents are encoded differs, so a store written by the plain
 * {@link H2Backend} cannot be read by this one (nor the reverse). Write commands pass through a
 * {@link WriteGate}; each collection counts the documents its queries examine ({@link DocumentsExamined}).
 */
final class EmbeddedBackend extends H2Backend {
    private final WriteGate gate;
    private final DocumentsExamined examined;

    EmbeddedBackend(MVStore store, WriteGate gate, DocumentsExamined examined) {
        super(store);
        this.gate = gate;
        this.examined = examined;
    }

    /**
     * Every write command passes through the gate, so that no commit lands in the middle of one. Every command
     * also holds on to the store version it started at, as H2's own readers do: a compaction pass empties old
     * chunks, which the store reuses a few commits later, and a long query (a sorted scan) could otherwise
     * still be reading pages from one ("Chunk N not found").
     */
    @Override
    public Document handleMessage(MongoMessage message) {
        MVStore.TxCounter reading = getMvStore().registerVersionUsage();
        try {
            if (!WriteGate.isWrite(message.getDocument().keySet().iterator().next())) {
                return super.handleMessage(message);
            }
            gate.enter();
            try {
                return super.handleMessage(message);
            } finally {
                gate.leave();
            }
        } finally {
            getMvStore().deregisterVersionUsage(reading);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class because H2Database opens its collections and indexes from its own constructor, before
     * a subclass could keep the store in a field; the enclosing backend has it already.
     */
    private final class Database extends H2Database {
        /** The stage the driver's countDocuments adds after the filter. */
        private static final Document COUNT = new Document("$group",
                new Document("_id", 1).append("n", new Document("$sum", 1)));
        private static final String DATA = "databases.";
        private static final String META = "meta.";

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            return new EmbeddedUniqueIndex(indexMap(collectionName, indexName, IndexKeyType.INSTANCE), indexName, keys,
                    sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return new EmbeddedSecondaryIndex(indexMap(collectionName, indexName, SecondaryKeyType.INSTANCE), indexName,
                    keys, sparse);
        }

        /** An index's map, named as mongo-java-server names it (its drops find it by that name). */
        private <V> MVMap<KeyValue, V> indexMap(String collectionName, String indexName,
                                                 org.h2.mvstore.type.DataType<KeyValue> keyType) {
            return getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, V>().keyType(keyType));
        }

        /**
         * An aggregation starting with {@code $match} reads what the match selects through the indexes. The driver's
         * {@code countDocuments} ({@code $match} then a {@code $group} counting) is answered from an index range
         * without reading a document when the range is exactly the match, as MongoDB's count scan does.
         */
        @Override
        public Document handleCommand(Channel channel, String command, Document query,
                                      DatabaseResolver databaseResolver, Oplog oplog) {
            if (command.equalsIgnoreCase("aggregate") && query.get("pipeline") instanceof List<?> pipeline
                    && !pipeline.isEmpty() && pipeline.get(0) instanceof Document first
                    && first.get("$match") instanceof Document match) {
                String collectionName = String.valueOf(query.get(command));
                if (pipeline.size() == 2 && COUNT.equals(pipeline.get(1))
                        && resolveCollection(collectionName, false) instanceof EmbeddedCollection collection) {
                    Long count = collection.countFromIndex(match);
                    if (count != null) {
                        return countResponse(getFullCollectionNamespace(collectionName), count);
                    }
                }
                return EmbeddedCollection.aggregating(match,
                        () -> super.handleCommand(channel, command, query, databaseResolver, oplog));
            }
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        }

        private static Document countResponse(String namespace, long count) {
            List<Document> batch = count == 0 ? List.of()
                    : List.of(new Document("_id", 1).append("n", count > Integer.MAX_VALUE ? count : (int) count));
            Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", batch);
            return new Document("cursor", cursor).append("ok", 1.0);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap(DATA + fullName,
                    new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
            MVMap<String, Object> meta = getMvStore().openMap(META + fullName);
            return new EmbeddedCollection(this, collectionName, options, data, meta, getCursorRegistry(),
                    () -> examined == null ? null : examined.of(fullName));
        }
    }
}
