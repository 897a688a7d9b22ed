package io.encours.service.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.encours.service.storage.Inserts;
import io.encours.service.storage.StoreIndexes;
import io.encours.service.storage.TimeOrder;
import io.encours.service.storage.TrailPage;
import io.encours.service.storage.TrailStore;
import io.encours.service.storage.WriteDurability;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The administration trail ({@code admin_actions}): written by {@link AdminActions}, read by other features (the
 * auditors' search, retention) through this store alone.
 */
public class AdminTrailStore extends TrailStore {
    static final String COLLECTION = "admin_actions";
    /** Where these were kept before they were searchable; moved over at start. */
    static final String FORMER_COLLECTION = "security_events";
    private static final Logger log = LoggerFactory.getLogger(AdminTrailStore.class);

    private final MongoTemplate mongo;
    private final WriteDurability durability;
    private final boolean createIndexes;

    AdminTrailStore(MongoTemplate mongo, WriteDurability durability, boolean createIndexes) {
        super(mongo, durability, COLLECTION, SecurityDocuments.AT);
        this.mongo = mongo;
        this.durability = durability;
        this.createIndexes = createIndexes;
    }

    /**
     * A page of the auditors' search of the administration trail.
     *
     * @throws IllegalArgumentException the cursor was not returned by this search in this order, saying so
     */
    public TrailPage search(AdminActionCriteria criteria, TimeOrder order, String cursor, int size) {
        return search(criteria.toBson(keyset()), order, cursor, size);
    }

    void insert(Document action) {
        collection().insertOne(action);
        durability.makeAcknowledgedWritesDurable();
    }

    void createIndexes() {
        StoreIndexes.ensure(collection(), createIndexes,
                new IndexModel(Indexes.descending(SecurityDocuments.AT), new IndexOptions().name("at")));
    }

    /**
     * Moves the events of {@code security_events} (same shape) here, once: each is copied under its own id, so
     * a start interrupted half-way copies the rest next time, then the old collection is dropped.
     */
    void takeOverFormerCollection() {
        if (!mongo.collectionExists(FORMER_COLLECTION)) {
            return;
        }
        MongoCollection<Document> former = mongo.getCollection(FORMER_COLLECTION);
        MongoCollection<Document> actions = collection();
        int moved = 0;
        for (Document event : former.find()) {
            if (Inserts.unlessTaken(actions, event)) {
                moved++;
            } // else copied by an earlier, interrupted start
        }
        durability.makeAcknowledgedWritesDurable();
        former.drop();
        log.info("admin actions: {} events moved from {} to {}", moved, FORMER_COLLECTION, COLLECTION);
    }
}
