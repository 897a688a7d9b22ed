package io.encours.service.hold;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.encours.service.storage.ArchivableRecords;
import io.encours.service.storage.WriteDurability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The reads of the hold trails by other features (the auditors' search): the credit holds ({@code credit_holds})
 * and what was done to them ({@code hold_actions}), as stored, a page at a time.
 * The query (filters, sort, limit) is the caller's; the collection is named here alone.
 */
@Component
public class HoldTrailStore {
    private static final String OPEN = "OPEN";

    private final MongoTemplate mongo;
    private final WriteDurability durability;

    public HoldTrailStore(MongoTemplate mongo, WriteDurability durability) {
        this.mongo = mongo;
        this.durability = durability;
    }

    /** At most {@code limit} holds matching {@code query}, in {@code sort} order. */
    public List<Document> holds(Bson query, Bson sort, int limit) {
        return mongo.getCollection(HoldStore.HOLDS).find(query).sort(sort).limit(limit).into(new ArrayList<>());
    }

    /** At most {@code limit} hold actions matching {@code query}, in {@code sort} order. */
    public List<Document> actions(Bson query, Bson sort, int limit) {
        return mongo.getCollection(HoldStore.ACTIONS).find(query).sort(sort).limit(limit).into(new ArrayList<>());
    }

    /** Settled holds by the month they were settled in; an open hold is never deleted. */
    public ArchivableRecords holdsArchive() {
        return archive(HoldStore.HOLDS, "settledAt", ids -> Filters.and(Filters.in("_id", ids), Filters.ne("status", OPEN)));
    }

    /** Hold actions by the month they were taken in; the actions of a hold open now are kept whatever their age. */
    public ArchivableRecords actionsArchive() {
        return new ArchivableRecords() {
            @Override
            public MongoCursor<Document> recordedIn(Instant start, Instant end, int batch) {
                return inPeriod(HoldStore.ACTIONS, "at", start, end, batch);
            }

            @Override
            public long deleteArchived(List<String> ids, int chunk) {
                Set<String> openHolds = openHolds();
                return delete(HoldStore.ACTIONS, ids, chunk,
                        some -> Filters.and(Filters.in("_id", some), Filters.nin("holdId", openHolds)));
            }
        };
    }

    private ArchivableRecords archive(String collection, String timeField,
                                      java.util.function.Function<List<String>, Bson> which) {
        return new ArchivableRecords() {
            @Override
            public MongoCursor<Document> recordedIn(Instant start, Instant end, int batch) {
                return inPeriod(collection, timeField, start, end, batch);
            }

            @Override
            public long deleteArchived(List<String> ids, int chunk) {
                return delete(collection, ids, chunk, which);
            }
        };
    }

    private MongoCursor<Document> inPeriod(String collection, String timeField, Instant start, Instant end, int batch) {
        Bson inPeriod = Filters.and(Filters.gte(timeField, Date.from(start)), Filters.lt(timeField, Date.from(end)));
        return mongo.getCollection(collection).find(inPeriod).batchSize(batch).iterator();
    }

    private long delete(String collection, List<String> ids, int chunk,
                        java.util.function.Function<List<String>, Bson> which) {
        MongoCollection<Document> records = mongo.getCollection(collection).withWriteConcern(durability.writeConcern());
        long deleted = 0;
        for (int i = 0; i < ids.size(); i += chunk) {
            deleted += records.deleteMany(which.apply(ids.subList(i, Math.min(ids.size(), i + chunk)))).getDeletedCount();
        }
        return deleted;
    }

    /** The ids of the holds open now. */
    private Set<String> openHolds() {
        Set<String> open = new HashSet<>();
        mongo.getCollection(HoldStore.HOLDS).find(Filters.eq("status", OPEN)).projection(Projections.include("_id"))
                .forEach(d -> open.add(d.getString("_id")));
        return open;
    }
}
