package io.encours.service.storage;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Is the audit store reachable? A {@code ping} on the service's database, which both the embedded server
 * and MongoDB answer, and which needs no privilege (Boot's own MongoDB indicator sends {@code hello}, which
 * the embedded server does not implement, and lists databases, which the service's user may not do).
 *
 * <p>On the embedded store it also gives the file's size, and says when the file has grown past
 * {@code encours.storage.capacity-warning}: the store still serves (status UP, so that readiness holds), but
 * queries over the trail and start-up slow down with its size, and the operator should move to MongoDB
 * ({@code MONGODB_URI}, docs/decisions/0002). The warning is in the details: {@code capacity: "NEAR_LIMIT"}
 * with the figures and what to do.
 */
@Component("storage")
class StorageHealthIndicator extends AbstractHealthIndicator {
    private static final Document PING = new Document("ping", 1);

    private final MongoTemplate mongo;
    private final WriteDurability durability;
    private final EmbeddedMongo embedded;
    private final long capacityWarningBytes;

    @Autowired
    StorageHealthIndicator(MongoTemplate mongo, WriteDurability durability, ObjectProvider<EmbeddedMongo> embedded,
                           StorageProperties properties) {
        this(mongo, durability, embedded.getIfAvailable(), properties.capacityWarning().toBytes());
    }

    /** {@code embedded} is null on MongoDB. */
    StorageHealthIndicator(MongoTemplate mongo, WriteDurability durability, EmbeddedMongo embedded,
                           long capacityWarningBytes) {
        super("Audit store unreachable");
        this.mongo = mongo;
        this.durability = durability;
        this.embedded = embedded;
        this.capacityWarningBytes = capacityWarningBytes;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand(PING);
        builder.up()
                .withDetail("mode", durability.mode())
                .withDetail("database", mongo.getDb().getName());
        if (embedded != null) {
            long size = embedded.fileSize();
            builder.withDetail("fileBytes", size).withDetail("capacityWarningBytes", capacityWarningBytes);
            if (size > capacityWarningBytes) {
                builder.withDetail("capacity", "NEAR_LIMIT")
                        .withDetail("advice", "The embedded store file is " + size + " bytes, above "
                                + capacityWarningBytes + ": move to MongoDB (set MONGODB_URI), see docs/decisions/0002");
            } else {
                builder.withDetail("capacity", "OK");
            }
        }
    }
}
