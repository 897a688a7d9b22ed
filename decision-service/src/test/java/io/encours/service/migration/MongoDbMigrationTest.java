package io.encours.service.migration;

import io.encours.service.audit.ReportSkipWithoutDocker;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The migration to a real MongoDB 8 (a one-node replica set, journaled majority writes), through Testcontainers.
 * Skipped, and said so in the build output, where no Docker engine runs.
 */
@ExtendWith(ReportSkipWithoutDocker.class)
@Testcontainers(disabledWithoutDocker = true)
class MongoDbMigrationTest extends MigrationContract {
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Override
    String targetUri() {
        return MONGO.getReplicaSetUrl();
    }
}
