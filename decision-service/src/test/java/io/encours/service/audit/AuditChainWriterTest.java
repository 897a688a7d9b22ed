package io.encours.service.audit;

import static io.encours.service.audit.AuditRecords.anOrderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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

/** The writer's hash chain: unbroken across rejected duplicates within a batch and across restarts. */
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
            AuditProperties properties = new AuditProperties(64, 1024, Duration.ofSeconds(10), true);

            AuditWriter first = new AuditWriter(mongo.getCollection("decisions"), server, properties,
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

            AuditWriter second = new AuditWriter(mongo.getCollection("decisions"), server, properties,
                    new SimpleMeterRegistry());
            for (int i = 0; i < 5; i++) {
                second.submit(documents.toDocument(anOrderCheck().withRequestId("after-" + i).build()), "after-" + i).get();
            }
            second.close();

            List<Document> chain = mongo.getCollection("decisions").find().sort(Sorts.ascending(AuditChain.SEQ))
                    .into(new ArrayList<>());
            assertThat(chain).hasSize(25);
            String previous = AuditChain.GENESIS;
            for (int i = 0; i < chain.size(); i++) {
                Document d = chain.get(i);
                assertThat(d.getLong(AuditChain.SEQ)).isEqualTo(i + 1L);
                assertThat(d.getString(AuditChain.PREV_HASH)).isEqualTo(previous);
                assertThat(d.getString(AuditChain.HASH)).isEqualTo(AuditChain.hashOf(d));
                previous = d.getString(AuditChain.HASH);
            }
        }
    }
}
