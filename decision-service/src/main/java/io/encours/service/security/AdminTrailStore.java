package io.encours.service.security;

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
 * The reads of the administration trail ({@code admin_actions}) by other features (the auditors' search), as
 * stored, a page at a time.
 * The query (filters, sort, limit) is the caller's; the collection is named here alone.
 */
@Component
public class AdminTrailStore {
    private final MongoTemplate mongo;
    private final ArchivableRecords archive;

    public AdminTrailStore(MongoTemplate mongo, WriteDurability durability) {
        this.mongo = mongo;
        this.archive = new TrailArchiveStore(mongo, durability, AdminActions.COLLECTION, "at");
    }

    /** The actions by the month they were taken in, for retention. */
    public ArchivableRecords archive() {
        return archive;
    }

    /** At most {@code limit} administration actions matching {@code query}, in {@code sort} order. */
    public List<Document> actions(Bson query, Bson sort, int limit) {
        return mongo.getCollection(AdminActions.COLLECTION).find(query).sort(sort).limit(limit).into(new ArrayList<>());
    }
}
