package io.encours.service.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index, which mongo-java-server accepts and ignores (it answers such queries by reading every
 * document). Each entry is the document's indexed values followed by its position ({@code _id}), in an
 * MVStore map of the same store as the documents: an entry is written in the same command as its document,
 * and the {@link WriteGate} lets no commit land inside a command, so after a crash the index holds exactly
 * the documents the store holds. Entries are kept in ascending order whatever direction the index was
 * declared with; a query reads them backwards for a descending sort.
 *
 * <p>Queries do not reach it through {@code canHandle} (which returns false): {@link EmbeddedCollection}
 * plans each query over the ordered indexes itself, picking the range that reads the fewest entries.
 */
final class EmbeddedSecondaryIndex extends Index<Object> implements OrderedIndex {
    private static final String ID = "_id";

    private final MVMap<KeyValue, Boolean> map;
    private final List<String> fields;

    EmbeddedSecondaryIndex(MVMap<KeyValue, Boolean> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.fields = keys();
    }

    @Override
    public List<String> fields() {
        return fields;
    }

    private List<KeyValue> entries(Document document, Object position) {
        List<KeyValue> entries = new ArrayList<>();
        for (KeyValue values : getKeyValues(document)) {
            if (isSparse() && values.stream().allMatch(Missing::isNullOrMissing)) {
                continue;
            }
            List<Object> entry = new ArrayList<>(values.size() + 1);
            for (Object value : values) {
                entry.add(Missing.isNullOrMissing(value) ? null : value);
            }
            entry.add(position);
            entries.add(new KeyValue(entry));
        }
        return entries;
    }

    private static Object positionOf(Document document) {
        return Missing.ofNullable(document.get(ID));
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Not unique: nothing to refuse.
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (KeyValue entry : entries(document, position)) {
            map.put(entry, Boolean.TRUE);
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = positionOf(document);
        List<KeyValue> entries = entries(document, position);
        for (KeyValue entry : entries) {
            map.remove(entry);
        }
        // A sparse index without an entry for the document says so with null, as mongo-java-server expects.
        return entries.isEmpty() ? null : position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by EmbeddedCollection");
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Not unique: nothing to refuse.
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        List<KeyValue> before = entries(oldDocument, position);
        List<KeyValue> after = entries(newDocument, position);
        if (before.equals(after)) {
            return;
        }
        before.forEach(map::remove);
        after.forEach(entry -> map.put(entry, Boolean.TRUE));
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        map.clear();
    }

    @Override
    public boolean sparse() {
        return isSparse();
    }

    @Override
    public long count(KeyRange range) {
        return Math.max(0, rank(upper(range)) - rank(lower(range)));
    }

    /** The number of entries below {@code key}, which is never an entry (it holds a bound marker). */
    private long rank(KeyValue key) {
        long index = map.getKeyIndex(key);
        return index >= 0 ? index : -(index + 1);
    }

    @Override
    public Iterator<Object> positions(KeyRange range, boolean reverse) {
        KeyValue low = lower(range);
        KeyValue high = upper(range);
        Cursor<KeyValue, Boolean> cursor = reverse ? map.cursor(high, low, true) : map.cursor(low, high, false);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Object next() {
                if (!cursor.hasNext()) {
                    throw new NoSuchElementException();
                }
                KeyValue entry = cursor.next();
                return Missing.ofNullable(entry.get(entry.size() - 1));
            }
        };
    }

    /** The search key below every entry of the range: markers fill what the range leaves free. */
    private KeyValue lower(KeyRange range) {
        List<Object> key = new ArrayList<>(range.equal());
        Object rest = SecondaryKeyType.Bound.LOW;
        if (range.hasRange()) {
            key.add(range.low());
            rest = range.lowInclusive() ? SecondaryKeyType.Bound.LOW : SecondaryKeyType.Bound.HIGH;
        }
        key.addAll(Collections.nCopies(fields.size() + 1 - key.size(), rest));
        return new KeyValue(key);
    }

    /** The search key above every entry of the range. */
    private KeyValue upper(KeyRange range) {
        List<Object> key = new ArrayList<>(range.equal());
        Object rest = SecondaryKeyType.Bound.HIGH;
        if (range.hasRange()) {
            key.add(range.high());
            rest = range.highInclusive() ? SecondaryKeyType.Bound.HIGH : SecondaryKeyType.Bound.LOW;
        }
        key.addAll(Collections.nCopies(fields.size() + 1 - key.size(), rest));
        return new KeyValue(key);
    }
}
