package io.encours.service.security;

import io.encours.service.storage.WriteDurability;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The administration trail ({@code admin_actions}): every change to accounts and keys, and every login
 * lockout, with who did what to whom and when. Written before the change is answered; never updated. Holds
 * no password and no key. Auditors search it ({@code GET /api/v1/audit/admin-actions}).
 */
class AdminActions {
    static final String COLLECTION = "admin_actions";
    /** Where these were kept before they were searchable; moved over at start. */
    static final String FORMER_COLLECTION = "security_events";
    private static final Logger log = LoggerFactory.getLogger(AdminActions.class);

    enum Action {
        ADMIN_BOOTSTRAPPED, USER_CREATED, USER_ROLES_SET, USER_DISABLED, USER_ENABLED, USER_PASSWORD_RESET,
        PASSWORD_CHANGED, API_KEY_CREATED, API_KEY_REVOKED,
        /** Too many failed logins for a user or from an address: logins refused for a while. */
        LOGIN_LOCKED,
        /** An administrator lifted a user's login lockout. */
        USER_UNLOCKED
    }

    private final MongoTemplate mongo;
    private final WriteDurability durability;
    private final Clock clock;

    AdminActions(MongoTemplate mongo, WriteDurability durability, Clock clock) {
        this.mongo = mongo;
        this.durability = durability;
        this.clock = clock;
    }

    void record(String actor, Action action, String target, Map<String, Object> details) {
        Document event = new Document("_id", UUID.randomUUID().toString())
                .append("at", Date.from(clock.instant()))
                .append("actor", actor)
                .append("action", action.name())
                .append("target", target)
                .append("details", new Document(details));
        mongo.insert(event, COLLECTION);
        durability.makeAcknowledgedWritesDurable();
        log.info("admin action action={} actor={} target={} details={}", action, actor, target, details);
    }

    List<Document> latest(int count) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "at")).limit(count), Document.class, COLLECTION);
    }

    /**
     * Moves the events of {@code security_events} (same shape) here, once: each is copied under its own id, so
     * a start interrupted half-way copies the rest next time, then the old collection is dropped.
     */
    void takeOverFormerCollection() {
        if (!mongo.collectionExists(FORMER_COLLECTION)) {
            return;
        }
        int moved = 0;
        for (Document event : mongo.findAll(Document.class, FORMER_COLLECTION)) {
            try {
                mongo.insert(event, COLLECTION);
                moved++;
            } catch (DuplicateKeyException alreadyMoved) {
                // copied by an earlier, interrupted start
            }
        }
        durability.makeAcknowledgedWritesDurable();
        mongo.dropCollection(FORMER_COLLECTION);
        log.info("admin actions: {} events moved from {} to {}", moved, FORMER_COLLECTION, COLLECTION);
    }

    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC).named("at"));
    }
}
