package io.encours.service.security;

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

    public AdminTrailStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** At most {@code limit} administration actions matching {@code query}, in {@code sort} order. */
    public List<Document> actions(Bson query, Bson sort, int limit) {
        return mongo.getCollection(AdminActions.COLLECTION).find(query).sort(sort).limit(limit).into(new ArrayList<>());
    }
}
