package io.encours.service.policy;

import static io.encours.service.storage.BsonValues.date;
import static io.encours.service.storage.BsonValues.instant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.encours.rules.policy.PolicyBundle;
import io.encours.service.storage.WriteDurability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Policy versions in MongoDB ({@code policy_versions}, one document per version, {@code _id} = the
 * number, source files as BSON binary) and the shared pointer to the active one ({@code policy_state},
 * {@code _id: "active"}: version number and a change counter every instance polls). Writes are durable
 * like audit records: journaled on MongoDB, committed and synced on the embedded store.
 */
class PolicyStore {
    static final String VERSIONS = "policy_versions";
    static final String STATE = "policy_state";
    private static final String ACTIVE = "active";

    /** The shared pointer: which version is active, and how many times it has changed. */
    record ActiveState(int version, long changes) {
    }

    private final MongoCollection<Document> versions;
    private final MongoCollection<Document> state;
    private final WriteDurability durability;

    PolicyStore(MongoTemplate mongo, WriteDurability durability) {
        this.versions = mongo.getCollection(VERSIONS).withWriteConcern(durability.writeConcern());
        this.state = mongo.getCollection(STATE).withWriteConcern(durability.writeConcern());
        this.durability = durability;
    }

    boolean isEmpty() {
        return versions.countDocuments() == 0;
    }

    Optional<PolicyVersion> find(int number) {
        return Optional.ofNullable(versions.find(Filters.eq("_id", number)).first()).map(PolicyStore::version);
    }

    List<PolicyVersion> all() {
        List<PolicyVersion> all = new ArrayList<>();
        versions.find().sort(Sorts.ascending("_id")).forEach(d -> all.add(version(d)));
        return all;
    }

    /** Approved versions whose scheduled activation time has come. */
    List<PolicyVersion> dueActivations(Instant now) {
        List<PolicyVersion> due = new ArrayList<>();
        versions.find(Filters.and(Filters.eq("status", PolicyStatus.APPROVED.name()),
                Filters.lte("scheduledFor", Date.from(now)))).sort(Sorts.ascending("scheduledFor"))
                .forEach(d -> due.add(version(d)));
        return due;
    }

    /**
     * Takes a due scheduled activation for this instance: only one instance gets {@code true} for a given
     * version, so a scheduled version is activated once however many instances poll.
     */
    boolean claimScheduled(int number, Instant scheduledFor) {
        long modified = versions.updateOne(Filters.and(Filters.eq("_id", number),
                        Filters.eq("status", PolicyStatus.APPROVED.name()),
                        Filters.eq("scheduledFor", Date.from(scheduledFor))),
                Updates.unset("scheduledFor")).getModifiedCount();
        durability.makeAcknowledgedWritesDurable();
        return modified == 1;
    }

    /** Stores a new version under the next free number (a concurrent creation simply takes the next one). */
    PolicyVersion create(IntFunction<PolicyVersion> numbered) {
        while (true) {
            Document last = versions.find().sort(Sorts.descending("_id")).limit(1).first();
            int next = last == null ? 1 : last.getInteger("_id") + 1;
            PolicyVersion version = numbered.apply(next);
            if (insertIfAbsent(version)) {
                return version;
            }
        }
    }

    /** Inserts the version unless its number is taken; false when it is. */
    boolean insertIfAbsent(PolicyVersion version) {
        try {
            versions.insertOne(document(version));
            durability.makeAcknowledgedWritesDurable();
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    void save(PolicyVersion version) {
        versions.replaceOne(Filters.eq("_id", version.number()), document(version), new ReplaceOptions());
        durability.makeAcknowledgedWritesDurable();
    }

    Optional<ActiveState> activeState() {
        return Optional.ofNullable(state.find(Filters.eq("_id", ACTIVE)).first())
                .map(PolicyStore::activeState);
    }

    /** Points every instance at {@code version}, creating the state on first start; returns the new state. */
    ActiveState pointTo(int version, String by, Instant at) {
        Document d = state.findOneAndUpdate(Filters.eq("_id", ACTIVE), change(version, by, at),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        durability.makeAcknowledgedWritesDurable();
        return activeState(d);
    }

    /**
     * Points every instance at {@code version} if nobody changed the state since {@code expectedChanges};
     * empty when someone did (the caller lost the race).
     */
    Optional<ActiveState> pointTo(int version, String by, Instant at, long expectedChanges) {
        Document d = state.findOneAndUpdate(Filters.and(Filters.eq("_id", ACTIVE), Filters.eq("changes", expectedChanges)),
                change(version, by, at), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        durability.makeAcknowledgedWritesDurable();
        return Optional.ofNullable(d).map(PolicyStore::activeState);
    }

    private static org.bson.conversions.Bson change(int version, String by, Instant at) {
        return Updates.combine(Updates.set("version", version), Updates.inc("changes", 1L),
                Updates.set("by", by), Updates.set("at", Date.from(at)));
    }

    private static ActiveState activeState(Document d) {
        return new ActiveState(d.getInteger("version"), d.get("changes", Number.class).longValue());
    }

    private static Document document(PolicyVersion v) {
        List<Document> approvals = v.approvals().stream().map(a -> new Document("by", a.by())
                .append("at", Date.from(a.at())).append("comment", a.comment())).toList();
        Document rejection = v.rejection() == null ? null : new Document("by", v.rejection().by())
                .append("at", Date.from(v.rejection().at())).append("reason", v.rejection().reason());
        // File names may contain dots, which MongoDB field names should not: files are a list of pairs.
        List<Document> fileList = new ArrayList<>();
        v.bundle().files().forEach((name, bytes) -> fileList.add(new Document("name", name)
                .append("content", new Binary(bytes))));
        return new Document("_id", v.number())
                .append("status", v.status().name())
                .append("contentHash", v.contentHash())
                .append("author", v.author())
                .append("createdAt", date(v.createdAt()))
                .append("updatedAt", date(v.updatedAt()))
                .append("comment", v.comment())
                .append("basedOn", v.basedOn())
                .append("files", fileList)
                .append("approvals", approvals)
                .append("rejection", rejection)
                .append("submittedAt", date(v.submittedAt()))
                .append("scheduledFor", date(v.scheduledFor()))
                .append("activatedAt", date(v.activatedAt()))
                .append("activatedBy", v.activatedBy())
                .append("replaced", v.replaced())
                .append("retiredAt", date(v.retiredAt()));
    }

    private static PolicyVersion version(Document d) {
        Map<String, byte[]> files = new TreeMap<>();
        for (Document f : d.getList("files", Document.class)) {
            files.put(f.getString("name"), f.get("content", Binary.class).getData());
        }
        List<PolicyVersion.Approval> approvals = d.getList("approvals", Document.class, List.of()).stream()
                .map(a -> new PolicyVersion.Approval(a.getString("by"), instant(a.getDate("at")),
                        a.getString("comment"))).toList();
        Document r = d.get("rejection", Document.class);
        PolicyVersion.Rejection rejection = r == null ? null
                : new PolicyVersion.Rejection(r.getString("by"), instant(r.getDate("at")), r.getString("reason"));
        return new PolicyVersion(d.getInteger("_id"), PolicyStatus.valueOf(d.getString("status")),
                PolicyBundle.of(files), d.getString("author"), instant(d.getDate("createdAt")),
                instant(d.getDate("updatedAt")), d.getString("comment"), d.getInteger("basedOn"), approvals,
                rejection, instant(d.getDate("submittedAt")), instant(d.getDate("scheduledFor")),
                instant(d.getDate("activatedAt")), d.getString("activatedBy"), d.getInteger("replaced"),
                instant(d.getDate("retiredAt")));
    }
}
