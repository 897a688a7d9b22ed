package io.encours.service.hold;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.encours.service.storage.ArchivableRecords;
import io.encours.service.storage.TimeKeyset;
import io.encours.service.storage.TimeOrder;
import io.encours.service.storage.TrailPage;
import io.encours.service.storage.WriteDurability;
import java.time.Clock;
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
 * The caller selects with {@link HoldCriteria} and {@link HoldActionCriteria}; the collections and their fields are
 * named in this feature alone.
 */
@Component
public class HoldTrailStore {
    private static final String OPEN = "OPEN";

    private final MongoTemplate mongo;
    private final WriteDurability durability;
    private final Clock clock;

    public HoldTrailStore(MongoTemplate mongo, WriteDurability durability, Clock clock) {
        this.mongo = mongo;
        this.durability = durability;
        this.clock = clock;
    }

    /**
     * A page of the auditors' search of the credit holds, as stored but for the status, which reads EXPIRED for a
     * RELEASED hold whose release is no longer valid (never stored).
     *
     * @throws IllegalArgumentException the cursor was not returned by this search in this order, saying so
     */
    public TrailPage searchHolds(HoldCriteria criteria, TimeOrder order, String cursor, int size) {
        Instant now = clock.instant();
        TrailPage page = HoldCriteria.KEYSET.page(find(HoldStore.HOLDS), criteria.toBson(now), order, cursor, size);
        for (Document hold : page.records()) {
            Date validUntil = hold.getDate("validUntil");
            if (HoldStatus.RELEASED.name().equals(hold.getString("status")) && validUntil != null
                    && validUntil.toInstant().isBefore(now)) {
                hold.put("status", HoldStatus.EXPIRED.name());
            }
        }
        return page;
    }

    /**
     * A page of the auditors' search of what was done to the holds.
     *
     * @throws IllegalArgumentException the cursor was not returned by this search in this order, saying so
     */
    public TrailPage searchActions(HoldActionCriteria criteria, TimeOrder order, String cursor, int size) {
        return HoldActionCriteria.KEYSET.page(find(HoldStore.ACTIONS), criteria.toBson(), order, cursor, size);
    }

    private TimeKeyset.Find find(String collection) {
        return (query, sort, limit) -> mongo.getCollection(collection).find(query).sort(sort).limit(limit)
                .into(new ArrayList<>());
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
