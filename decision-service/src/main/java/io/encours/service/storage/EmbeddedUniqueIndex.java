package io.encours.service.storage;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 unique index, over a map whose keys are {@link IndexKeyType}. On one field it is
 * also an {@link OrderedIndex}: ranges and sorts on {@code _id} or {@code chainSeq} read it in order.
 */
final class EmbeddedUniqueIndex extends AbstractUniqueIndex<Object> implements OrderedIndex {
    private final MVMap<KeyValue, Object> map;

    EmbeddedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(keyValue);
    }

    /** The number of keys below {@code key}. */
    private long rank(KeyValue key) {
        long index = map.getKeyIndex(key);
        return index >= 0 ? index : -(index + 1);
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
    public List<String> fields() {
        return keys();
    }

    @Override
    public boolean sparse() {
        return isSparse();
    }

    @Override
    public long count(KeyRange range) {
        if (!range.equal().isEmpty()) {
            return map.containsKey(new KeyValue(range.equal())) ? 1 : 0;
        }
        long below = range.low() == KeyRange.OPEN_LOW ? 0 : rank(new KeyValue(range.low()))
                + (!range.lowInclusive() && map.containsKey(new KeyValue(range.low())) ? 1 : 0);
        long upTo = range.high() == KeyRange.OPEN_HIGH ? map.sizeAsLong() : rank(new KeyValue(range.high()))
                + (range.highInclusive() && map.containsKey(new KeyValue(range.high())) ? 1 : 0);
        return Math.max(0, upTo - below);
    }

    @Override
    public Iterator<Object> positions(KeyRange range, boolean reverse) {
        KeyValue low;
        KeyValue high;
        boolean lowInclusive = range.lowInclusive();
        boolean highInclusive = range.highInclusive();
        if (!range.equal().isEmpty()) {
            low = high = new KeyValue(range.equal());
            lowInclusive = highInclusive = true;
        } else {
            low = range.low() == KeyRange.OPEN_LOW ? null : new KeyValue(range.low());
            high = range.high() == KeyRange.OPEN_HIGH ? null : new KeyValue(range.high());
        }
        KeyValue skipFirst = reverse ? (highInclusive ? null : high) : (lowInclusive ? null : low);
        KeyValue skipLast = reverse ? (lowInclusive ? null : low) : (highInclusive ? null : high);
        Cursor<KeyValue, Object> cursor = reverse ? map.cursor(high, low, true) : map.cursor(low, high, false);
        return new Iterator<>() {
            private Object next = advance();

            private Object advance() {
                while (cursor.hasNext()) {
                    KeyValue key = cursor.next();
                    if (key.equals(skipFirst) || key.equals(skipLast)) {
                        continue;
                    }
                    return cursor.getValue();
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Object next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Object position = next;
                next = advance();
                return position;
            }
        };
    }
}
