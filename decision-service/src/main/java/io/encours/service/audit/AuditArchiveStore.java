package io.encours.service.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.encours.service.storage.WriteDurability;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What retention does to the audit trail ({@code decisions}): read it in chain order to archive a month, and
 * delete archived records by id once past their retention. Deletes use the trail's write concern.
 */
@Component
public class AuditArchiveStore {
    private final MongoCollection<Document> decisions;

    public AuditArchiveStore(MongoTemplate mongo, WriteDurability durability) {
        this.decisions = mongo.getCollection(AuditDocuments.COLLECTION).withWriteConcern(durability.writeConcern());
    }

    /** Whole records numbered {@code firstSeq} and above, in chain order, {@code batch} at a time. */
    public MongoCursor<Document> chainFrom(long firstSeq, int batch) {
        return decisions.find(Filters.gte(AuditChain.SEQ, firstSeq)).sort(Sorts.ascending(AuditChain.SEQ))
                .batchSize(batch).iterator();
    }

    /** Whether a record is numbered above {@code seq}. */
    public boolean anyAfter(long seq) {
        return decisions.find(Filters.gt(AuditChain.SEQ, seq)).limit(1).first() != null;
    }

    /** Deletes the records of these ids; how many were. */
    public long deleteByIds(List<String> ids) {
        return decisions.deleteMany(Filters.in(AuditDocuments.ID, ids)).getDeletedCount();
    }

    /** When a stored record was received. */
    public static Instant receivedAt(Document record) {
        return record.getDate(AuditDocuments.RECEIVED_AT).toInstant();
    }
}
