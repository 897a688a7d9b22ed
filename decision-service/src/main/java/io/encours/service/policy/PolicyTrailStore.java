package io.encours.service.policy;

import io.encours.service.storage.ArchivableRecords;
import io.encours.service.storage.TrailArchiveStore;
import io.encours.service.storage.WriteDurability;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The reads of the policy's audit trail ({@code policy_actions}) by other features (the auditors' search), as
 * stored, a page at a time.
 * The query (filters, sort, limit) is the caller's; the collection is named here alone.
 */
@Component
public class PolicyTrailStore {
    private final MongoTemplate mongo;
    private final ArchivableRecords archive;

    public PolicyTrailStore(MongoTemplate mongo, WriteDurability durability) {
        this.mongo = mongo;
        this.archive = new TrailArchiveStore(mongo, durability, PolicyActions.COLLECTION, "at");
    }

    /** The actions by the month they were taken in, for retention. */
    public ArchivableRecords archive() {
        return archive;
    }

    /** At most {@code limit} policy actions matching {@code query}, in {@code sort} order. */
    public List<Document> actions(Bson query, Bson sort, int limit) {
        return mongo.getCollection(PolicyActions.COLLECTION).find(query).sort(sort).limit(limit).into(new ArrayList<>());
    }
}
