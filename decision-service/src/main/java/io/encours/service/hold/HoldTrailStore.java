package io.encours.service.hold;

import java.util.ArrayList;
import java.util.List;
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
    private final MongoTemplate mongo;

    public HoldTrailStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** At most {@code limit} holds matching {@code query}, in {@code sort} order. */
    public List<Document> holds(Bson query, Bson sort, int limit) {
        return mongo.getCollection(HoldStore.HOLDS).find(query).sort(sort).limit(limit).into(new ArrayList<>());
    }

    /** At most {@code limit} hold actions matching {@code query}, in {@code sort} order. */
    public List<Document> actions(Bson query, Bson sort, int limit) {
        return mongo.getCollection(HoldStore.ACTIONS).find(query).sort(sort).limit(limit).into(new ArrayList<>());
    }
}
