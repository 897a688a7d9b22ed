package io.encours.service.audit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;

/**
 * An audit record encoded to BSON and content-hashed by the thread that made the decision. The writer thread
 * then only appends the chain fields to the bytes ({@link #chained}): encoding and hashing, most of a
 * record's cost, run in parallel on the request threads instead of one after the other on the writer's.
 */
final class SealedRecord {
    private static final byte INT64 = 0x12;
    private static final byte STRING = 0x02;
    private static final byte[] SEQ_NAME = cString(AuditChain.SEQ);
    private static final byte[] PREV_NAME = cString(AuditChain.PREV_HASH);
    private static final byte[] HASH_NAME = cString(AuditChain.HASH);

    private final byte[] bson;
    private final String contentHash;

    private SealedRecord(byte[] bson, String contentHash) {
        this.bson = bson;
        this.contentHash = contentHash;
    }

    /** Hashes the record's content, stores the hash in it, and encodes it. */
    static SealedRecord seal(Document record) {
        String contentHash = AuditChain.contentHashOf(record);
        record.put(AuditChain.CONTENT_HASH, contentHash);
        return new SealedRecord(encode(record), contentHash);
    }

    /**
     * The record's BSON, written straight from its values: a record holds only the types below, and the
     * driver's codecs would look a codec up for each value.
     */
    static byte[] encode(Map<String, Object> record) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(4096);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writeDocument(writer, record);
        }
        return buffer.toByteArray();
    }

    private static void writeDocument(BsonBinaryWriter writer, Map<String, ?> document) {
        writer.writeStartDocument();
        for (Map.Entry<String, ?> e : document.entrySet()) {
            writer.writeName(e.getKey());
            writeValue(writer, e.getValue());
        }
        writer.writeEndDocument();
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(BsonBinaryWriter writer, Object value) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String s) {
            writer.writeString(s);
        } else if (value instanceof Integer i) {
            writer.writeInt32(i);
        } else if (value instanceof Long l) {
            writer.writeInt64(l);
        } else if (value instanceof Boolean b) {
            writer.writeBoolean(b);
        } else if (value instanceof Date d) {
            writer.writeDateTime(d.getTime());
        } else if (value instanceof Decimal128 d) {
            writer.writeDecimal128(d);
        } else if (value instanceof Map<?, ?> m) {
            writeDocument(writer, (Map<String, ?>) m);
        } else if (value instanceof List<?> list) {
            writer.writeStartArray();
            for (Object item : list) {
                writeValue(writer, item);
            }
            writer.writeEndArray();
        } else {
            throw new IllegalArgumentException("An audit record holds no " + value.getClass().getName());
        }
    }

    String contentHash() {
        return contentHash;
    }

    /** The record with {@code chainSeq}, {@code prevHash} and {@code hash} appended as its last fields. */
    RawBsonDocument chained(long seq, String prevHash, String hash) {
        byte[] prev = cString(prevHash);
        byte[] own = cString(hash);
        // A BSON document: int32 total length, its elements, a 0 byte. The new elements go before that 0.
        int length = bson.length + 1 + SEQ_NAME.length + 8 + 1 + PREV_NAME.length + 4 + prev.length
                + 1 + HASH_NAME.length + 4 + own.length;
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(length);
        out.put(bson, 4, bson.length - 5);
        out.put(INT64).put(SEQ_NAME).putLong(seq);
        out.put(STRING).put(PREV_NAME).putInt(prev.length).put(prev);
        out.put(STRING).put(HASH_NAME).putInt(own.length).put(own);
        out.put((byte) 0);
        return new RawBsonDocument(out.array());
    }

    private static byte[] cString(String ascii) {
        byte[] text = ascii.getBytes(StandardCharsets.US_ASCII);
        byte[] withZero = new byte[text.length + 1];
        System.arraycopy(text, 0, withZero, 0, text.length);
        return withZero;
    }
}
