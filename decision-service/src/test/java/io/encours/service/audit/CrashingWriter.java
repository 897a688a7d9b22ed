package io.encours.service.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.encours.service.storage.EmbeddedMongo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The child process of {@link AuditWriterCrashTest}: writes audit records from eight threads as fast as the
 * group commit allows and prints {@code DURABLE <decision id>} for each acknowledged one, until it is killed.
 */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) {
        EmbeddedMongo server = EmbeddedMongo.start(Path.of(args[0]));
        MongoClient client = MongoClients.create(server.connectionString("encours"));
        MongoTemplate mongo = new MongoTemplate(client, "encours");
        AuditConfiguration.createIndexes(mongo, server);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AuditProperties properties = new AuditProperties(64, 1024, Duration.ofSeconds(10), true, Duration.ofMillis(200));
        AuditWriter writer = new AuditWriter(mongo.getDb(), server, properties, meters);
        AuditTrail trail = new AuditTrail(mongo, writer, new AuditDocuments(AuditRecords.JSON), properties.writeTimeout(), meters);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            threads.submit(() -> {
                while (true) {
                    AuditRecord record = AuditRecords.anOrderCheck().build();
                    trail.record(record);
                    synchronized (System.out) {
                        System.out.println("DURABLE " + record.decisionId());
                        System.out.flush();
                    }
                }
            });
        }
    }
}
