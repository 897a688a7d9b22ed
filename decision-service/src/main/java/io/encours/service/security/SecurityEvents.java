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
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The record of every change to accounts and keys ({@code security_events}): who did what to whom, when.
 * Written before the change is answered; never updated. Holds no password and no key.
 */
class SecurityEvents {
    static final String COLLECTION = "security_events";
    private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

    enum Action {
        ADMIN_BOOTSTRAPPED, USER_CREATED, USER_ROLES_SET, USER_DISABLED, USER_ENABLED, USER_PASSWORD_RESET,
        PASSWORD_CHANGED, API_KEY_CREATED, API_KEY_REVOKED
    }

    private final MongoTemplate mongo;
    private final WriteDurability durability;
    private final Clock clock;

    SecurityEvents(MongoTemplate mongo, WriteDurability durability, Clock clock) {
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
        log.info("security event action={} actor={} target={} details={}", action, actor, target, details);
    }

    List<Document> latest(int count) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "at")).limit(count), Document.class, COLLECTION);
    }
}
