package io.encours.service.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.encours.service.storage.EmbeddedMongo;
import io.encours.service.storage.WriteDurability;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail on the embedded server, over its H2 file. */
class EmbeddedAuditTrailTest extends AuditTrailContract {
    @TempDir
    static Path dataDir;
    private static EmbeddedMongo server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.start(dataDir);
        client = MongoClients.create(server.connectionString("encours"));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Override
    MongoClient client() {
        return client;
    }

    @Override
    WriteDurability durability() {
        return server;
    }
}
