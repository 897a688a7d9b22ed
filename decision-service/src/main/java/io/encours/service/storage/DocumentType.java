package io.encours.service.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Documents in the MVStore as BSON, the format they arrived in, instead of the Java serialization H2
 * falls back to for unknown classes (several times slower and larger for nested documents).
 */
final class DocumentType extends BasicDataType<Document> {
    static final DocumentType INSTANCE = new DocumentType();

    private DocumentType() {
    }

    @Override
    public void write(WriteBuffer buff, Document document) {
        ByteBuf bson = Unpooled.buffer(1024);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buff.putVarInt(length);
            buff.put(ByteBuffer.wrap(bson.array(), bson.arrayOffset() + bson.readerIndex(), length));
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buff) {
        int length = DataUtils.readVarInt(buff);
        byte[] bytes = new byte[length];
        buff.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    /** A cheap estimate for H2's cache accounting: the number of values, nested ones included. */
    @Override
    public int getMemory(Document document) {
        return 64 + estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int memory = 48;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                memory += 48 + 2 * String.valueOf(e.getKey()).length() + estimate(e.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> list) {
            int memory = 32;
            for (Object item : list) {
                memory += 8 + estimate(item);
            }
            return memory;
        }
        if (value instanceof String s) {
            return 40 + 2 * s.length();
        }
        return 24;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
