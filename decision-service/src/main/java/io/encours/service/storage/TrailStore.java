package io.encours.service.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The archivable view of a trail whose records may all go once archived, made by the store of the feature
 * that owns the collection (which names it and its time field).
 */
public final class TrailArchiveStore implements ArchivableRecords {
    private final MongoTemplate mongo;
    private final WriteDurability durability;
    private final String collection;
    private final String timeField;

    public TrailArchiveStore(MongoTemplate mongo, WriteDurability durability, String collection, String timeField) {
        this.mongo = mongo;
        this.durability = durability;
        this.collection = collection;
        this.timeField = timeField;
    }

    @Override
    public MongoCursor<Document> recordedIn(Instant start, Instant end, int batch) {
        Bson inPeriod = Filters.and(Filters.gte(timeField, Date.from(start)), Filters.lt(timeField, Date.from(end)));
        return mongo.getCollection(collection).find(inPeriod).batchSize(batch).iterator();
    }

    @Override
    public long deleteArchived(List<String> ids, int chunk) {
        MongoCollection<Document> records = mongo.getCollection(collection).withWriteConcern(durability.writeConcern());
        long deleted = 0;
        for (int i = 0; i < ids.size(); i += chunk) {
            deleted += records.deleteMany(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + chunk))))
                    .getDeletedCount();
        }
        return deleted;
    }
}
