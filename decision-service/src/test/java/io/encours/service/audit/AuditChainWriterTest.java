package io.encours.service.audit;

import static io.encours.service.audit.AuditRecords.anOrderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.encours.service.storage.EmbeddedMongo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The writer's hash chain: unbroken across rejected duplicates within a batch, across restarts, and with two
 * writers (two instances) on one database.
 */
class AuditChainWriterTest {
    @TempDir
    Path dataDir;

    @Test
    void the_chain_skips_rejected_duplicates_and_resumes_after_a_restart() throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString("encours"))) {
            MongoTemplate mongo = new MongoTemplate(client, "encours");
            AuditConfiguration.createIndexes(mongo, server);
            AuditDocuments documents = new AuditDocuments(AuditRecords.JSON);
            AuditProperties properties = new AuditProperties(64, 1024, Duration.ofSeconds(10), true, Duration.ofMillis(200));

            AuditWriter first = new AuditWriter(mongo.getDb(), server, properties,
                    new SimpleMeterRegistry());
            // Submitted together, so that they share batches: every third one repeats a request id.
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String requestId = i % 3 == 2 ? "req-" + (i - 1) : "req-" + i;
                writes.add(first.submit(documents.toDocument(anOrderCheck().withRequestId(requestId).build()), requestId));
            }
            int rejected = 0;
            for (CompletableFuture<Void> w : writes) {
                try {
                    w.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(DuplicateRequestException.class);
                    rejected++;
                }
            }
            assertThat(rejected).isEqualTo(10);
            first.close();

            AuditWriter second = new AuditWriter(mongo.getDb(), server, properties,
                    new SimpleMeterRegistry());
            for (int i = 0; i < 5; i++) {
                second.submit(documents.toDocument(anOrderCheck().withRequestId("after-" + i).build()), "after-" + i).get();
            }
            second.close();

            assertOneUnbrokenChain(mongo, 25);
        }
    }

    @Test
    void two_writers_on_one_database_extend_one_chain() throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString("encours"))) {
            MongoTemplate mongo = new MongoTemplate(client, "encours");
            AuditConfiguration.createIndexes(mongo, server);
            // As on a shared MongoDB, where several instances write (an embedded store has one process).
            AuditConfiguration.createChainIndex(mongo);
            AuditDocuments documents = new AuditDocuments(AuditRecords.JSON);
            AuditProperties properties = new AuditProperties(8, 1024, Duration.ofSeconds(10), true, Duration.ofMillis(200));
            // Two instances of the service: each writer starts from the same chain head and races the other.
            AuditWriter one = new AuditWriter(mongo.getDb(), server, properties, new SimpleMeterRegistry());
            AuditWriter two = new AuditWriter(mongo.getDb(), server, properties, new SimpleMeterRegistry());
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String requestId = "both-" + i;
                AuditWriter writer = i % 2 == 0 ? one : two;
                writes.add(writer.submit(documents.toDocument(anOrderCheck().withRequestId(requestId).build()), requestId));
            }
            for (CompletableFuture<Void> w : writes) {
                w.get();
            }
            one.close();
            two.close();

            assertOneUnbrokenChain(mongo, 200);
        }
    }

    private static void assertOneUnbrokenChain(MongoTemplate mongo, int records) {
        // One more than expected, so that a stray record would show
        List<Document> chain = new java.util.ArrayList<>();
        try (var all = new AuditReadStore(mongo).wholeRecords(DecisionCriteria.any(), DecisionOrder.RECEIVED_AT_ASC)) {
            all.forEachRemaining(chain::add);
        }
        chain.sort(java.util.Comparator.comparingLong(
                d -> d.get(AuditChain.SEQ) instanceof Number n ? n.longValue() : Long.MAX_VALUE));
        assertThat(chain).hasSize(records);
        String previous = AuditChain.GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            Document d = chain.get(i);
            assertThat(d.getLong(AuditChain.SEQ)).isEqualTo(i + 1L);
            assertThat(d.getString(AuditChain.PREV_HASH)).isEqualTo(previous);
            assertThat(d.getString(AuditChain.CONTENT_HASH)).isEqualTo(AuditChain.contentHashOf(d));
            assertThat(d.getString(AuditChain.HASH)).isEqualTo(AuditChain.hashOf(d));
            previous = d.getString(AuditChain.HASH);
        }
    }
}
