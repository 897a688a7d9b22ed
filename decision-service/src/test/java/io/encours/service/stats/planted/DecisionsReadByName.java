package io.encours.service.stats.planted;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A planted violation, never run: the stats feature counting the audit trail's decisions by opening the
 * {@code decisions} collection by name, instead of calling the audit feature's read store. ArchitectureRuleTest
 * shows that ArchitectureTest refuses it.
 */
public final class DecisionsReadByName {
    private final MongoTemplate mongo;

    public DecisionsReadByName(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public long decisions() {
        return mongo.getCollection("decisions").countDocuments();
    }
}
