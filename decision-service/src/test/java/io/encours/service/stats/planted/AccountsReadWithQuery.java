package io.encours.service.stats.planted;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A planted violation, never run: the stats feature reading the security feature's {@code users} with Spring
 * Data's MongoTemplate and a Query, without naming {@code getCollection}: a read of another feature's collection all
 * the same, and the second way of querying MongoDB that issue 17 removed. ArchitectureRuleTest shows that
 * ArchitectureTest refuses it twice.
 */
public final class AccountsReadWithQuery {
    private final MongoTemplate mongo;

    public AccountsReadWithQuery(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<Document> enabledAccounts() {
        return mongo.find(Query.query(Criteria.where("enabled").is(true)), Document.class, "users");
    }
}
