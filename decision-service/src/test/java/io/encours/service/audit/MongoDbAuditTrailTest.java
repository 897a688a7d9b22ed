package io.encours.service.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.encours.service.storage.WriteDurability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The audit trail on a real MongoDB 8 (a one-node replica set, journaled majority writes), through
 * Testcontainers. Skipped, and said so in the build output, where no Docker engine runs.
 */
@ExtendWith(ReportSkipWithoutDocker.class)
@Testcontainers(disabledWithoutDocker = true)
class MongoDbAuditTrailTest extends AuditTrailContract {
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");
    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getReplicaSetUrl());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Override
    MongoClient client() {
        return client;
    }

    @Override
    WriteDurability durability() {
        return WriteDurability.journaled("majority");
    }
}
