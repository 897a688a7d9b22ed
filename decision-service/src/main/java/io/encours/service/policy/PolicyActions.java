package io.encours.service.policy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.encours.service.storage.WriteDurability;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The audit trail of the policy itself ({@code policy_actions}): every creation, upload, file
 * replacement, submission, approval, rejection, activation (at once, scheduled, or by rollback) with who,
 * when, which version and hash, and the comment. Written durably before the action is answered, like a
 * decision's audit record.
 */
class PolicyActions {
    static final String COLLECTION = "policy_actions";
    private static final Logger log = LoggerFactory.getLogger(PolicyActions.class);

    enum Action { CREATE, UPLOAD, REPLACE_FILE, SUBMIT, APPROVE, REJECT, SCHEDULE, ACTIVATE, SCHEDULED_ACTIVATION,
        ROLLBACK }

    /** One recorded action. */
    record Entry(String id, Action action, int version, String contentHash, String by, Instant at,
                 String comment) {
    }

    private final MongoCollection<Document> collection;
    private final WriteDurability durability;
    private final Clock clock;

    PolicyActions(MongoTemplate mongo, WriteDurability durability, Clock clock) {
        this.collection = mongo.getCollection(COLLECTION).withWriteConcern(durability.writeConcern());
        this.durability = durability;
        this.clock = clock;
    }

    Entry record(Action action, PolicyVersion version, String by, String comment) {
        Entry entry = new Entry(UUID.randomUUID().toString(), action, version.number(), version.contentHash(), by,
                clock.instant(), comment);
        collection.insertOne(new Document("_id", entry.id()).append("action", action.name())
                .append("version", entry.version()).append("contentHash", entry.contentHash())
                .append("by", by).append("at", Date.from(entry.at())).append("comment", comment));
        durability.makeAcknowledgedWritesDurable();
        log.info("policy action={} version={} hash={} by={}", action, version.number(), version.contentHash(), by);
        return entry;
    }

    /** The actions on one version, oldest first; all of them when {@code version} is null. */
    List<Entry> of(Integer version) {
        List<Entry> entries = new ArrayList<>();
        collection.find(version == null ? new Document() : Filters.eq("version", version))
                .sort(Sorts.ascending("at")).forEach(d -> entries.add(new Entry(d.getString("_id"),
                        Action.valueOf(d.getString("action")), d.getInteger("version"), d.getString("contentHash"),
                        d.getString("by"), d.getDate("at").toInstant(), d.getString("comment"))));
        return entries;
    }
}
