package io.encours.service.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.RootReference;
import org.h2.mvstore.type.DataType;

/**
 * mongo-java-server's H2 collection with two changes for large collections.
 *
 * <p>An unsorted query is answered a batch at a time: the cursor walks the collection in key order as the
 * client asks for more, instead of collecting every matching document first. A simulation reads hundreds of
 * thousands of decisions in one query; collected up front they stayed in memory until the last batch was
 * read, and the garbage collector copied them again and again (pauses of 100 to 300 ms, bench/README.md).
 * Each batch reads the collection as it is then, from the key after the last one seen, like a MongoDB cursor
 * without snapshot isolation: a document inserted ahead of the walk is found, one removed ahead of it is
 * not. (Holding one snapshot for the whole walk would keep the store from reusing the space of old versions
 * for as long as a client leaves its cursor open.) Sorted, skipped or limited queries, and projections other
 * than a list of top-level fields to include, are answered as before.
 *
 * <p>A count whose query an index range expresses exactly (e.g. {@code {_id: {$gte: a, $lt: b}}}, what a simulation
 * counts for its progress) is answered from that index, as MongoDB does, instead of reading every document.
 *
 * <p>Every document a query examines is counted ({@link DocumentsExamined}), for tests that prove a query
 * runs on an index.
 *
 * <p>A query reads a snapshot and holds no lock. mongo-java-server runs every command of a collection under the
 * collection's monitor, queries included; a query that sorts (or an aggregation) reads every matching document
 * first, for seconds to minutes on a large trail, and meanwhile an audit insert waited for the monitor
 * <em>inside</em> the {@link WriteGate}, so the next commit waited for that insert and held back every other write
 * of the store: an API key creation waited minutes behind a statistics query (issue 20). Here a query takes
 * the documents map as it is when the query starts (an MVStore root, immutable) and reads only that: writes
 * go on beside it, and it sees none of them, as a MongoDB read at one point in time. A document an index
 * names but the snapshot lacks (inserted after the snapshot was taken: the indexes are written first) is
 * left out. Writes (update, delete, findAndModify, which find their documents first) keep the monitor and
 * read the live map. The space a long query reads stays reserved while it runs ({@link EmbeddedBackend}).
 *
 * <p>No running total of document sizes: keeping it encoded every inserted document a second time only to
 * measure it, and rewrote the collection's metadata page on every commit; it fed nothing but the {@code size}
 * figures of {@code collStats}, which the service does not read (they stay at what an older store recorded).
 */
final class EmbeddedCollection extends H2Collection {
    private static final String ID = "_id";

    private final MVMap<Object, Document> data;
    private final CursorRegistry cursors;
    /**
     * Asked for on first use: the backend opens the collections of a store, and reads them, from its own
     * constructor, before it has its counters.
     */
    private final Supplier<LongAdder> examinedCounter;
    private volatile LongAdder examined;
    /** The documents map as the query running on this thread started; null outside a query (writes). */
    private final ThreadLocal<RootReference<Object, Document>> snapshot = new ThreadLocal<>();
    /** Stands for "already matched" where mongo-java-server matches documents again: passes all, counts none. */
    private static final Document MATCHED = new Document();
    /** The {@code $match} of the aggregation running on this thread, which its first stage applies. */
    private static final ThreadLocal<Document> aggregationMatch = new ThreadLocal<>();
    /**
     * Called with the collection's full name for each document a snapshot query reads; a test holds a query
     * mid-scan with it (the name tells its own store's reads from those of other stores in the same JVM).
     */
    private static volatile java.util.function.Consumer<String> snapshotReadProbe;

    EmbeddedCollection(MongoDatabase database, String name, CollectionOptions options,
                       MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors,
                       Supplier<LongAdder> examinedCounter) {
        super(database, name, options, data, meta, cursors);
        this.data = data;
        this.cursors = cursors;
        this.examinedCounter = examinedCounter;
    }

    /** Every document a query, count, update or delete looks at passes here, whether found by index or scan. */
    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        if (query == MATCHED) {
            return true;
        }
        LongAdder counter = examined;
        if (counter == null) {
            // Null while the backend is still being constructed (it reads its index list then): not counted.
            counter = examinedCounter.get();
            examined = counter;
        }
        if (counter != null) {
            counter.increment();
        }
        return super.documentMatchesQuery(document, query);
    }

    /**
     * A query, not synchronized (unlike the superclass): it reads the documents map's snapshot taken now, so
     * it neither waits for writes nor holds them up. Same parsing as {@code AbstractMongoCollection}.
     */
    @Override
    public QueryResult handleQuery(QueryParameters parameters) {
        Document selector = parameters.getQuerySelector();
        Document query;
        Document orderBy;
        if (selector.containsKey("query")) {
            query = (Document) selector.get("query");
            orderBy = (Document) selector.get("orderby");
        } else if (selector.containsKey("$query")) {
            query = (Document) selector.get("$query");
            orderBy = (Document) selector.get("$orderby");
        } else {
            query = selector;
            orderBy = null;
        }
        // Saved and put back: a $lookup of an aggregation may query this collection inside another query of it.
        RootReference<Object, Document> outer = snapshot.get();
        snapshot.set(data.flushAndGetRoot());
        try {
            return queryDocuments(query, orderBy, parameters.getNumberToSkip(), parameters.getLimit(),
                    parameters.getBatchSize(), parameters.getProjection());
        } finally {
            snapshot.set(outer);
        }
    }

    /**
     * Planned over the ordered indexes ({@link QueryPlanner}): a range of one index, read in the sort's order
     * when it can be, so that a sorted, limited page reads about as many documents as it returns. A query that
     * names every field of a unique index with equal values goes to that index as before; a query no index
     * serves better reads every document as before.
     */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        List<OrderedIndex> ordered = orderBy != null && orderBy.containsKey("$natural") ? null : orderedIndexes(query);
        if (ordered == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        QueryPlanner.Choice choice = QueryPlanner.plan(query, orderBy, numberToSkip, limit, ordered,
                data.sizeAsLong());
        if (choice == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        QueryPlanner.Plan plan = choice.best();
        Stream<Document> documents;
        if (choice.fallback() == null) {
            documents = read(plan).filter(document -> documentMatchesQuery(document, query));
        } else {
            List<Document> found = tryOrdered(plan, query, numberToSkip + limit, choice.fallback().cost());
            if (found == null) {
                plan = choice.fallback();
                documents = read(plan).filter(document -> documentMatchesQuery(document, query));
            } else {
                documents = found.stream();
            }
        }
        return matchDocumentsFromStream(MATCHED, documents, numberToSkip, limit, batchSize,
                plan.ordered() ? null : deriveComparator(orderBy), fieldSelector);
    }

    /** The indexes a plan may read, or null when a unique index answers the query by equality (as before). */
    private List<OrderedIndex> orderedIndexes(Document query) {
        List<OrderedIndex> ordered = new ArrayList<>();
        for (Index<Object> index : getIndexes()) {
            if (index.canHandle(query)) {
                return null;
            }
            if (index instanceof OrderedIndex o && (index instanceof EmbeddedSecondaryIndex || o.fields().size() == 1)) {
                ordered.add(o);
            }
        }
        return ordered;
    }

    /** The documents of the plan's range, in its order. */
    private Stream<Document> read(QueryPlanner.Plan plan) {
        Iterator<Object> positions = plan.index().positions(plan.range(), plan.reverse());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(positions, Spliterator.ORDERED), false)
                .map(this::getDocument)
                .filter(Objects::nonNull);
    }

    /**
     * The first {@code wanted} matches read in the sort's order, or null once {@code budget} documents were read
     * without finding them (the filter keeps few of the index's entries: another plan reads fewer). MongoDB's
     * planner races its candidate plans the same way.
     */
    private List<Document> tryOrdered(QueryPlanner.Plan plan, Document query, int wanted, long budget) {
        List<Document> found = new ArrayList<>();
        long read = 0;
        Iterator<Document> documents = read(plan).iterator();
        while (documents.hasNext() && found.size() < wanted) {
            if (read++ >= budget) {
                return null;
            }
            Document document = documents.next();
            if (documentMatchesQuery(document, query)) {
                found.add(document);
            }
        }
        return found;
    }

    /**
     * A count whose query an index range expresses exactly is the range's size: no document is read. Other counts
     * read the documents the planner chooses, from a snapshot.
     */
    Long countFromIndex(Document query) {
        List<OrderedIndex> ordered = orderedIndexes(query);
        if (ordered == null) {
            return null;
        }
        // Reading entries costs nothing here: any plan that covers the query beats reading documents.
        QueryPlanner.Choice choice = QueryPlanner.plan(query, null, 0, 0, ordered, Long.MAX_VALUE);
        return choice != null && choice.best().covers() ? choice.best().entries() : null;
    }

    /**
     * What an aggregation reads: the documents its first stage's {@code $match} may keep, found like a
     * query's (mongo-java-server reads every document and leaves the {@code $match} stage to filter them).
     */
    @Override
    public Stream<Document> queryAllAsStream() {
        Document match = aggregationMatch.get();
        if (match == null) {
            return super.queryAllAsStream();
        }
        aggregationMatch.remove();
        return StreamSupport.stream(handleQuery(match).spliterator(), false);
    }

    /** Runs {@code aggregation} with the first stage's {@code $match} (null: none) known to the collection. */
    static <T> T aggregating(Document match, Supplier<T> aggregation) {
        aggregationMatch.set(match);
        try {
            return aggregation.get();
        } finally {
            aggregationMatch.remove();
        }
    }

    @Override
    protected Document getDocument(Object position) {
        RootReference<Object, Document> root = snapshot.get();
        if (root == null) {
            return super.getDocument(position);
        }
        probe();
        return data.get(root.root, position);
    }

    /** Through an index: positions whose document the snapshot lacks are left out (see the class comment). */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        if (snapshot.get() == null) {
            return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> documents = StreamSupport.stream(positions.spliterator(), false)
                .map(this::getDocument)
                .filter(Objects::nonNull);
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        RootReference<Object, Document> root = snapshot.get();
        if (root == null) {
            return super.streamAllDocumentsWithPosition();
        }
        org.h2.mvstore.Cursor<Object, Document> walk = data.cursor(root, null, null, false);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(walk, Spliterator.ORDERED), false)
                .map(key -> {
                    probe();
                    return new DocumentWithPosition<>(walk.getValue(), key);
                });
    }

    private void probe() {
        java.util.function.Consumer<String> probe = snapshotReadProbe;
        if (probe != null) {
            probe.accept(getFullName());
        }
    }

    /** For tests: {@code probe} gets the collection's full name at each document a snapshot query reads (null: none). */
    static void probeSnapshotReads(java.util.function.Consumer<String> probe) {
        snapshotReadProbe = probe;
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    public int count(Document query, int skip, int limit) {
        if (skip == 0 && limit == 0 && query != null && !query.isEmpty()) {
            Long counted = countFromIndex(query);
            if (counted != null) {
                return Math.toIntExact(counted);
            }
        }
        RootReference<Object, Document> outer = snapshot.get();
        snapshot.set(data.flushAndGetRoot());
        try {
            return super.count(query, skip, limit);
        } finally {
            snapshot.set(outer);
        }
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        Projection projection = Projection.of(fieldSelector);
        if ((orderBy != null && !orderBy.isEmpty()) || numberToSkip != 0 || limit != 0 || batchSize <= 0
                || projection == null) {
            if (snapshot.get() == null || isNaturalDescending(orderBy)) {
                // Natural descending order reads the snapshot too, through streamAllDocumentsWithPosition.
                return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            Stream<Document> documents = streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument);
            return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize,
                    fieldSelector);
        }
        Walk walk = new Walk(query, projection, cursors.generateCursorId());
        List<Document> first = walk.takeDocuments(batchSize);
        if (walk.isEmpty()) {
            return new QueryResult(first);
        }
        cursors.add(walk);
        return new QueryResult(first, walk);
    }

    /** A cursor that finds its next documents when they are asked for. */
    private final class Walk implements Cursor {
        private final Document query;
        private final Projection projection;
        private final long id;
        /** The key of the last document looked at; null before the first. */
        private Object position;
        /** A matching document found past a full batch, returned first by the next one. */
        private Document next;
        private boolean exhausted;

        Walk(Document query, Projection projection, long id) {
            this.query = query;
            this.projection = projection;
            this.id = id;
        }

        @Override
        public long getId() {
            return id;
        }

        @Override
        public synchronized boolean isEmpty() {
            return exhausted && next == null;
        }

        @Override
        public synchronized List<Document> takeDocuments(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("Illegal number to return: " + count);
            }
            List<Document> batch = new ArrayList<>(Math.min(count, 1024));
            if (next != null) {
                batch.add(projection.apply(next));
                next = null;
            }
            DataType<Object> keys = data.getKeyType();
            org.h2.mvstore.Cursor<Object, Document> walk = data.cursor(position);
            while (walk.hasNext()) {
                Object key = walk.next();
                if (position != null && keys.compare(key, position) <= 0) {
                    continue;
                }
                position = key;
                Document document = walk.getValue();
                if (!documentMatchesQuery(document, query)) {
                    continue;
                }
                if (batch.size() < count) {
                    batch.add(projection.apply(document));
                } else {
                    // One past the batch, so that isEmpty() is exact when the batch is answered.
                    next = document;
                    return batch;
                }
            }
            exhausted = true;
            return batch;
        }
    }

    /** Top-level fields to include, {@code _id} unless excluded; or every field. */
    private record Projection(Set<String> fields, boolean withId) {
        /** Null when the selector asks for more than this handles (exclusions, paths, operators). */
        static Projection of(Document selector) {
            if (selector == null || selector.isEmpty()) {
                return new Projection(null, true);
            }
            Set<String> fields = new HashSet<>();
            boolean withId = true;
            for (Map.Entry<String, Object> e : selector.entrySet()) {
                String name = e.getKey();
                boolean include = isTrue(e.getValue());
                if (name.equals(ID)) {
                    withId = include;
                } else if (include && !name.contains(".") && !name.startsWith("$")) {
                    fields.add(name);
                } else {
                    return null;
                }
            }
            return fields.isEmpty() ? null : new Projection(fields, withId);
        }

        private static boolean isTrue(Object value) {
            return Boolean.TRUE.equals(value) || (value instanceof Number n && n.doubleValue() == 1);
        }

        Document apply(Document document) {
            if (fields == null) {
                return document;
            }
            Document projected = new Document();
            for (Map.Entry<String, Object> e : document.entrySet()) {
                String name = e.getKey();
                if (name.equals(ID) ? withId : fields.contains(name)) {
                    projected.put(name, e.getValue());
                }
            }
            return projected;
        }
    }
}
