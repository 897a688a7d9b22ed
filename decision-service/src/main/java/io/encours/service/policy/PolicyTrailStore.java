package io.encours.service.policy;

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

    public PolicyTrailStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** At most {@code limit} policy actions matching {@code query}, in {@code sort} order. */
    public List<Document> actions(Bson query, Bson sort, int limit) {
        return mongo.getCollection(PolicyActions.COLLECTION).find(query).sort(sort).limit(limit).into(new ArrayList<>());
    }
}
