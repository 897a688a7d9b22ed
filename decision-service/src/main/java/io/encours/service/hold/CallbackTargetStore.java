package io.encours.service.hold;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.encours.service.audit.AuditUnavailableException;
import io.encours.service.storage.Inserts;
import io.encours.service.storage.StoreIndexes;
import io.encours.service.storage.WriteDurability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The callback allowlist: {@code callback_targets} (one document per entry, unique on its origin) and
 * {@code callback_target_changes} (append-only: who changed the list, when, the entry before and after).
 * Secrets are stored as given, since signing needs them; the change records never carry them.
 */
final class CallbackTargetStore {
    static final String TARGETS = "callback_targets";
    static final String CHANGES = "callback_target_changes";

    private final MongoCollection<Document> targets;
    private final MongoCollection<Document> changes;
    private final WriteDurability durability;
    private final boolean createIndexes;

    CallbackTargetStore(org.springframework.data.mongodb.core.MongoTemplate mongo, WriteDurability durability,
                        boolean createIndexes) {
        this.targets = mongo.getCollection(TARGETS).withWriteConcern(durability.writeConcern());
        this.changes = mongo.getCollection(CHANGES).withWriteConcern(durability.writeConcern());
        this.durability = durability;
        this.createIndexes = createIndexes;
    }

    /** The origin index is what keeps one entry per scheme, host and port; the other serves the change log. */
    void createIndexes() {
        StoreIndexes.ensure(targets, createIndexes,
                new IndexModel(Indexes.ascending("origin"), new IndexOptions().unique(true).name("origin_unique")));
        StoreIndexes.ensure(changes, createIndexes, new IndexModel(Indexes.descending("at"), new IndexOptions().name("at")));
        durability.makeAcknowledgedWritesDurable();
    }

    List<CallbackTarget> all() {
        List<CallbackTarget> found = new ArrayList<>();
        targets.find().sort(Sorts.ascending("origin")).forEach(d -> found.add(toTarget(d)));
        return found;
    }

    Optional<CallbackTarget> find(String id) {
        return Optional.ofNullable(targets.find(Filters.eq("_id", id)).first()).map(CallbackTargetStore::toTarget);
    }

    Optional<CallbackTarget> byOrigin(String origin) {
        return Optional.ofNullable(targets.find(Filters.eq("origin", origin)).first())
                .map(CallbackTargetStore::toTarget);
    }

    /** Inserts the entry; false when its origin is already listed. */
    boolean insert(CallbackTarget target) {
        if (byOrigin(target.origin()).isPresent()) {
            return false;
        }
        if (!Inserts.unlessTaken(targets, toDocument(target))) {
            return false;
        }
        durable();
        return true;
    }

    /** Deletes the entry; false when it was already gone. */
    boolean delete(String id) {
        boolean deleted = targets.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
        if (deleted) {
            durable();
        }
        return deleted;
    }

    void record(CallbackTargetChange change) {
        changes.insertOne(new Document("_id", change.changeId())
                .append("action", change.action())
                .append("who", change.who())
                .append("at", Date.from(change.at()))
                .append("before", change.before() == null ? null : new Document(change.before()))
                .append("after", change.after() == null ? null : new Document(change.after())));
        durable();
    }

    /** The changes, newest first (ids are time-ordered). */
    List<CallbackTargetChange> changes(int limit) {
        List<CallbackTargetChange> found = new ArrayList<>();
        changes.find().sort(Sorts.descending("at", "_id")).limit(limit).forEach(d -> found.add(
                new CallbackTargetChange(d.getString("_id"), d.getString("action"), d.getString("who"),
                        d.getDate("at").toInstant(), map(d.get("before", Document.class)),
                        map(d.get("after", Document.class)))));
        return found;
    }

    /** An entry as the change records and the API show it: everything but the secret. */
    static Map<String, Object> withoutSecret(CallbackTarget t) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", t.id());
        shown.put("scheme", t.scheme());
        shown.put("host", t.host());
        shown.put("port", t.port());
        shown.put("allowPrivateAddress", t.allowPrivateAddress());
        shown.put("createdBy", t.createdBy());
        shown.put("createdAt", t.createdAt().toString());
        return shown;
    }

    private static Map<String, Object> map(Document d) {
        return d == null ? null : new LinkedHashMap<>(d);
    }

    private void durable() {
        try {
            durability.makeAcknowledgedWritesDurable();
        } catch (RuntimeException e) {
            throw new AuditUnavailableException("Callback allowlist written but not made durable", e);
        }
    }

    private static Document toDocument(CallbackTarget t) {
        return new Document("_id", t.id())
                .append("origin", t.origin())
                .append("scheme", t.scheme())
                .append("host", t.host())
                .append("port", t.port())
                .append("allowPrivateAddress", t.allowPrivateAddress())
                .append("secret", t.secret())
                .append("createdBy", t.createdBy())
                .append("createdAt", Date.from(t.createdAt()));
    }

    private static CallbackTarget toTarget(Document d) {
        return new CallbackTarget(d.getString("_id"), d.getString("scheme"), d.getString("host"),
                d.getInteger("port"), Boolean.TRUE.equals(d.getBoolean("allowPrivateAddress")), d.getString("secret"),
                d.getString("createdBy"), instant(d.getDate("createdAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? Instant.EPOCH : date.toInstant();
    }
}
