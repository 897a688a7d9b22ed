package io.encours.service.hold;

import static io.encours.service.storage.BsonValues.date;
import static io.encours.service.storage.BsonValues.decimal128;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.encours.service.audit.AuditUnavailableException;
import io.encours.service.storage.Inserts;
import io.encours.service.storage.StoreIndexes;
import io.encours.service.storage.WriteDurability;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The three collections of the holds, laid out by hand as the audit records are: {@code credit_holds}
 * (one per held decision, unique on the decision id), {@code hold_actions} (append-only) and
 * {@code hold_callbacks} (the order-entry system's callback URL by order id). Every write uses the audit
 * trail's write concern and is made durable before it returns.
 */
final class HoldStore {
    static final String HOLDS = "credit_holds";
    static final String ACTIONS = "hold_actions";
    static final String CALLBACKS = "hold_callbacks";

    private final MongoCollection<Document> holds;
    private final MongoCollection<Document> actions;
    private final MongoCollection<Document> callbacks;
    private final WriteDurability durability;
    private final boolean createIndexes;

    HoldStore(MongoTemplate mongo, WriteDurability durability, boolean createIndexes) {
        this.createIndexes = createIndexes;
        this.holds = mongo.getCollection(HOLDS).withWriteConcern(durability.writeConcern());
        this.actions = mongo.getCollection(ACTIONS).withWriteConcern(durability.writeConcern());
        this.callbacks = mongo.getCollection(CALLBACKS).withWriteConcern(durability.writeConcern());
        this.durability = durability;
    }

    /**
     * The decision-id index is what keeps a replayed decision from opening a second hold. The others serve
     * the hold list (by status, by customer, or all, newest first), an order's latest hold, a hold's history
     * and the audit explorer's time-ordered search of holds and hold actions, on both stores.
     */
    void createIndexes() {
        StoreIndexes.ensure(holds, createIndexes,
                new IndexModel(Indexes.ascending("decisionId"), new IndexOptions().unique(true).name("decisionId_unique")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("openedAt")),
                        new IndexOptions().name("status_openedAt")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("orderId"), Indexes.descending("openedAt")),
                        new IndexOptions().name("orderId_openedAt")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("openedAt")),
                        new IndexOptions().name("customerId_openedAt")),
                new IndexModel(Indexes.descending("openedAt"), new IndexOptions().name("openedAt")));
        StoreIndexes.ensure(actions, createIndexes,
                new IndexModel(Indexes.ascending("holdId"), new IndexOptions().name("holdId")),
                new IndexModel(Indexes.descending("at"), new IndexOptions().name("at")));
        durability.makeAcknowledgedWritesDurable();
    }

    /** True when the indexes could not be created at start-up (store unreachable): created before the first hold. */
    private volatile boolean indexesPending;

    void createIndexesLater() {
        indexesPending = true;
    }

    /** Inserts the hold; false when the decision already has one. */
    boolean insertIfAbsent(CreditHold hold) {
        if (indexesPending) {
            synchronized (this) {
                if (indexesPending) {
                    createIndexes();
                    indexesPending = false;
                }
            }
        }
        if (!Inserts.unlessTaken(holds, HoldDocuments.toDocument(hold))) {
            return false;
        }
        durable();
        return true;
    }

    Optional<CreditHold> find(String holdId) {
        return Optional.ofNullable(holds.find(Filters.eq("_id", holdId)).first()).map(HoldDocuments::toHold);
    }

    /** The latest hold of an order (an order checked several times may have been held several times). */
    Optional<CreditHold> latestForOrder(String orderId) {
        return Optional.ofNullable(holds.find(Filters.eq("orderId", orderId))
                .sort(Sorts.descending("openedAt", "_id")).first()).map(HoldDocuments::toHold);
    }

    List<CreditHold> list(Bson filter, Bson sort, int page, int size) {
        List<CreditHold> found = new ArrayList<>();
        holds.find(filter).sort(sort).skip(page * size).limit(size).forEach(d -> found.add(HoldDocuments.toHold(d)));
        return found;
    }

    long count(Bson filter) {
        return holds.countDocuments(filter);
    }

    /** Settles an OPEN hold; empty when it is no longer open (someone else settled it first). */
    Optional<CreditHold> settle(String holdId, HoldStatus status, String who, Instant at, String comment,
                                Instant validUntil, BigDecimal maxAmount) {
        Document updated = holds.findOneAndUpdate(
                Filters.and(Filters.eq("_id", holdId), Filters.eq("status", HoldStatus.OPEN.name())),
                Updates.combine(Updates.set("status", status.name()), Updates.set("settledBy", who),
                        Updates.set("settledAt", date(at)), Updates.set("comment", comment),
                        Updates.set("validUntil", date(validUntil)),
                        Updates.set("maxAmount", decimal128(maxAmount))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            return Optional.empty();
        }
        durable();
        return Optional.of(HoldDocuments.toHold(updated));
    }

    /** Puts a hold back to OPEN when the record of its settlement could not be written. */
    void reopen(String holdId) {
        holds.updateOne(Filters.eq("_id", holdId), Updates.combine(Updates.set("status", HoldStatus.OPEN.name()),
                Updates.unset("settledBy"), Updates.unset("settledAt"), Updates.unset("comment"),
                Updates.unset("validUntil"), Updates.unset("maxAmount")));
        durable();
    }

    void record(HoldActionRecord action) {
        actions.insertOne(HoldDocuments.toDocument(action));
        durable();
    }

    /** The actions on a hold, oldest first. */
    List<HoldActionRecord> actionsOf(String holdId) {
        List<HoldActionRecord> found = new ArrayList<>();
        actions.find(Filters.eq("holdId", holdId)).sort(Sorts.ascending("at", "_id"))
                .forEach(d -> found.add(HoldDocuments.toAction(d)));
        return found;
    }

    void registerCallback(String orderId, String url, String who, Instant at) {
        callbacks.replaceOne(Filters.eq("_id", orderId),
                new Document("_id", orderId).append("url", url).append("registeredBy", who)
                        .append("registeredAt", date(at)),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        durable();
    }

    Optional<String> callbackOf(String orderId) {
        return Optional.ofNullable(callbacks.find(Filters.eq("_id", orderId)).first()).map(d -> d.getString("url"));
    }

    private void durable() {
        try {
            durability.makeAcknowledgedWritesDurable();
        } catch (RuntimeException e) {
            throw new AuditUnavailableException("Hold record written but not made durable", e);
        }
    }
}
