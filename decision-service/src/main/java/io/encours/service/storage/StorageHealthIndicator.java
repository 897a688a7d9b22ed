package io.encours.service.storage;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Is the audit store reachable? A {@code ping} on the service's database, which both the embedded server
 * and MongoDB answer, and which needs no privilege (Boot's own MongoDB indicator sends {@code hello}, which
 * the embedded server does not implement, and lists databases, which the service's user may not do).
 */
@Component("storage")
class StorageHealthIndicator extends AbstractHealthIndicator {
    private static final Document PING = new Document("ping", 1);

    private final MongoTemplate mongo;
    private final WriteDurability durability;

    StorageHealthIndicator(MongoTemplate mongo, WriteDurability durability) {
        super("Audit store unreachable");
        this.mongo = mongo;
        this.durability = durability;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand(PING);
        builder.up()
                .withDetail("mode", durability.mode())
                .withDetail("database", mongo.getDb().getName());
    }
}
