package io.encours.service.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Keys of a secondary index: the indexed values then the document's position, compared value by value in
 * MongoDB's order, so that one value's entries are contiguous and ordered by position ({@code _id}). A key
 * used only to search may hold {@link Bound} markers, which sort before or after every value. Strings, times
 * and numbers, what the service indexes, are written in a few bytes each; other values as H2 writes them.
 */
final class SecondaryKeyType extends BasicDataType<KeyValue> {
    static final SecondaryKeyType INSTANCE = new SecondaryKeyType();

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();
    private static final ObjectDataType OTHER = new ObjectDataType();
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte INSTANT = 2;
    private static final byte DOUBLE = 3;
    private static final byte LONG = 4;
    private static final byte OTHER_VALUE = 9;

    /** Markers of a search key, never stored. */
    enum Bound { LOW, HIGH }

    private SecondaryKeyType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static int compareValues(Object x, Object y) {
        if (x instanceof Bound bx) {
            return y instanceof Bound by ? bx.compareTo(by) : bx == Bound.LOW ? -1 : 1;
        }
        if (y instanceof Bound by) {
            return by == Bound.LOW ? 1 : -1;
        }
        return ORDER.compare(x, y);
    }

    @Override
    public int getMemory(KeyValue key) {
        return IndexKeyType.INSTANCE.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buff, KeyValue key) {
        buff.putVarInt(key.size());
        for (Object value : key) {
            if (value == null) {
                buff.put(NULL);
            } else if (value instanceof String text) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                buff.put(STRING).putVarInt(bytes.length).put(bytes);
            } else if (value instanceof Instant time) {
                buff.put(INSTANT).putVarLong(time.getEpochSecond()).putVarInt(time.getNano());
            } else if (value instanceof Double number) {
                buff.put(DOUBLE).putDouble(number);
            } else if (value instanceof Long number) {
                buff.put(LONG).putLong(number);
            } else {
                buff.put(OTHER_VALUE);
                OTHER.write(buff, value);
            }
        }
    }

    @Override
    public KeyValue read(ByteBuffer buff) {
        int size = DataUtils.readVarInt(buff);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte type = buff.get();
            values.add(switch (type) {
                case NULL -> null;
                case STRING -> {
                    byte[] bytes = new byte[DataUtils.readVarInt(buff)];
                    buff.get(bytes);
                    yield new String(bytes, StandardCharsets.UTF_8);
                }
                case INSTANT -> Instant.ofEpochSecond(DataUtils.readVarLong(buff), DataUtils.readVarInt(buff));
                case DOUBLE -> buff.getDouble();
                case LONG -> buff.getLong();
                default -> OTHER.read(buff);
            });
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
