package io.encours.service.retention;

import static io.encours.service.storage.BsonValues.date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.encours.service.storage.WriteDurability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Retention's own collections: the manifests of the decisions' archives ({@code audit_archives}), those of the
 * other trails ({@code record_archives}) and the retention actions ({@code retention_actions}). The records
 * archived are read and deleted through their owners' stores. Shapes in {@link RetentionDocuments}.
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

    List<ArchiveManifest> auditManifests() {
        List<ArchiveManifest> manifests = new ArrayList<>();
        auditArchives.find().forEach(d -> manifests.add(RetentionDocuments.auditManifest(d)));
        return manifests;
    }

    Optional<ArchiveManifest> auditManifest(String kind, String period) {
        return Optional.ofNullable(auditArchives.find(Filters.eq(RetentionDocuments.ID,
                RetentionDocuments.manifestId(kind, period))).first()).map(RetentionDocuments::auditManifest);
    }

    void insertAuditManifest(ArchiveManifest manifest) {
        auditArchives.insertOne(RetentionDocuments.auditManifest(manifest));
    }

    /** Marks pruned the decisions' archives that end at or before chain number {@code lastSeq}. */
    void markAuditArchivesPruned(long lastSeq, Instant at) {
        auditArchives.updateMany(Filters.and(Filters.lte(RetentionDocuments.LAST_SEQ, lastSeq),
                Filters.eq(RetentionDocuments.PRUNED_AT, null)), Updates.set(RetentionDocuments.PRUNED_AT, date(at)));
    }

    List<RecordArchives.Manifest> recordManifests() {
        List<RecordArchives.Manifest> manifests = new ArrayList<>();
        recordArchives.find().forEach(d -> manifests.add(RetentionDocuments.recordManifest(d)));
        return manifests;
    }

    Optional<RecordArchives.Manifest> recordManifest(String kind, String period) {
        return Optional.ofNullable(recordArchives.find(Filters.eq(RetentionDocuments.ID,
                RetentionDocuments.manifestId(kind, period))).first()).map(RetentionDocuments::recordManifest);
    }

    void insertRecordManifest(RecordArchives.Manifest manifest) {
        recordArchives.insertOne(RetentionDocuments.recordManifest(manifest));
    }

    void markRecordArchivePruned(String kind, String period, Instant at, long deleted) {
        recordArchives.updateOne(Filters.eq(RetentionDocuments.ID, RetentionDocuments.manifestId(kind, period)),
                Updates.combine(Updates.set(RetentionDocuments.PRUNED_AT, date(at)),
                        Updates.set(RetentionDocuments.DELETED, deleted)));
    }

    /** Records one retention action, durably. */
    void insertAction(String actor, String action, String kind, String period, Map<String, Object> details,
                      Instant at) {
        actions.insertOne(RetentionDocuments.action(UUID.randomUUID().toString(), at, actor, action, kind, period,
                details));
        durability.makeAcknowledgedWritesDurable();
    }

    List<Document> actions() {
        return actions.find().into(new ArrayList<>());
    }
}
