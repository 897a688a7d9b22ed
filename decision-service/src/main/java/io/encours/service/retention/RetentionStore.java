package io.encours.service.retention;

import static io.encours.service.storage.BsonValues.date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.encours.service.storage.WriteDurability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Retention's own collections: the manifests of the decisions' archives ({@code audit_archives}), those of the
 * other trails ({@code record_archives}) and the retention actions ({@code retention_actions}). The records
 * archived are read and deleted through their owners' stores.
 */
class RetentionStore {
    static final String AUDIT_ARCHIVES = "audit_archives";
    static final String RECORD_ARCHIVES = "record_archives";
    static final String ACTIONS = "retention_actions";

    private final MongoCollection<Document> auditArchives;
    private final MongoCollection<Document> recordArchives;
    private final MongoCollection<Document> actions;
    private final WriteDurability durability;

    RetentionStore(MongoTemplate mongo, WriteDurability durability) {
        this.auditArchives = mongo.getCollection(AUDIT_ARCHIVES);
        this.recordArchives = mongo.getCollection(RECORD_ARCHIVES);
        this.actions = mongo.getCollection(ACTIONS);
        this.durability = durability;
    }

    List<Document> auditManifests() {
        return auditArchives.find().into(new ArrayList<>());
    }

    Optional<Document> auditManifest(String id) {
        return Optional.ofNullable(auditArchives.find(Filters.eq("_id", id)).first());
    }

    void insertAuditManifest(Document manifest) {
        auditArchives.insertOne(manifest);
    }

    /** Marks pruned the decisions' archives that end at or before chain number {@code lastSeq}. */
    void markAuditArchivesPruned(long lastSeq, Instant at) {
        auditArchives.updateMany(Filters.and(Filters.lte("lastSeq", lastSeq), Filters.eq("prunedAt", null)),
                Updates.set("prunedAt", date(at)));
    }

    List<Document> recordManifests() {
        return recordArchives.find().into(new ArrayList<>());
    }

    Optional<Document> recordManifest(String id) {
        return Optional.ofNullable(recordArchives.find(Filters.eq("_id", id)).first());
    }

    void insertRecordManifest(Document manifest) {
        recordArchives.insertOne(manifest);
    }

    void markRecordArchivePruned(String id, Instant at, long deleted) {
        recordArchives.updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("prunedAt", date(at)), Updates.set("deleted", deleted)));
    }

    /** Records one retention action, durably. */
    void insertAction(Document action) {
        actions.insertOne(action);
        durability.makeAcknowledgedWritesDurable();
    }

    List<Document> actions() {
        return actions.find().into(new ArrayList<>());
    }
}
