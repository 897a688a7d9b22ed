package io.encours.service.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An append-only trail of a feature (policy actions, administrators' actions): its pages for other features'
 * searches (by its time field and id, {@link TimeKeyset}; each owning store takes its own criteria record), and its archivable view (every record may go once archived). The owning feature's store extends it
 * and names the collection and its time field.
 */
public class TrailStore implements ArchivableRecords {
    private final MongoTemplate mongo;
    private final WriteDurability durability;
    private final String collection;
    private final String timeField;
    private final TimeKeyset keyset;

    protected TrailStore(MongoTemplate mongo, WriteDurability durability, String collection, String timeField) {
        this.mongo = mongo;
        this.durability = durability;
        this.collection = collection;
        this.timeField = timeField;
        this.keyset = new TimeKeyset(timeField);
    }

    /** The trail's collection, for the owning store's own writes (with the durable write concern). */
    protected MongoCollection<Document> collection() {
        return mongo.getCollection(collection).withWriteConcern(durability.writeConcern());
    }

    /** The paging of the trail by its time field, for the owning store's criteria. */
    protected TimeKeyset keyset() {
        return keyset;
    }

    /**
     * A page of the records matching every one of {@code criteria} (built by the owning store's criteria record on
     * its fields), in {@code order}, after {@code cursor} when given.
     *
     * @throws IllegalArgumentException the cursor was not returned by this search in this order, saying so
     */
    protected TrailPage search(List<Bson> criteria, TimeOrder order, String cursor, int size) {
        return keyset.page((query, sort, limit) -> mongo.getCollection(collection).find(query).sort(sort).limit(limit)
                .into(new ArrayList<>()), criteria, order, cursor, size);
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
