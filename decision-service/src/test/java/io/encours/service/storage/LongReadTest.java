package io.encours.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long read never holds up writes (issue 20): a sorted scan of the trail is held mid-way, and meanwhile
 * decisions are recorded in the same collection, an API key in another, and both are committed durably;
 * the scan then finishes with the trail as it was when it started.
 */
class LongReadTest {
    private static final int TRAIL = 3_000;

    @TempDir
    Path dataDir;

    @AfterEach
    void noProbe() {
        EmbeddedCollection.probeSnapshotReads(null);
    }

    private static final String DATABASE = "long-read-test";

    @Test
    void decisions_and_an_api_key_are_written_and_committed_while_a_sorted_scan_of_the_trail_is_still_running()
            throws Exception {
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(store.connectionString(DATABASE))) {
            MongoDatabase database = client.getDatabase(DATABASE);
            MongoCollection<Document> trail = database.getCollection("decisions");
            List<Document> decisions = new ArrayList<>();
            for (int i = 0; i < TRAIL; i++) {
                decisions.add(new Document("_id", "d-" + i).append("customerId", "c-" + i % 50).append("seq", i));
            }
            trail.insertMany(decisions);
            store.makeAcknowledgedWritesDurable();

            CountDownLatch scanning = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean held = new AtomicBoolean();
            // The probe is global to the JVM: hold only this test's scan, never a read of another store (a cached
            // application context's periodic refresh runs meanwhile).
            EmbeddedCollection.probeSnapshotReads(collection -> {
                if (collection.equals(DATABASE + ".decisions") && held.compareAndSet(false, true)) {
                    scanning.countDown();
                    await(release);
                }
            });
            CompletableFuture<List<Document>> scan = CompletableFuture.supplyAsync(
                    () -> trail.find().sort(Sorts.descending("seq")).into(new ArrayList<>()));
            assertThat(scanning.await(30, TimeUnit.SECONDS)).as("the scan started").isTrue();

            CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
                trail.insertOne(new Document("_id", "d-new").append("customerId", "c-1").append("seq", TRAIL));
                database.getCollection("apiKeys").insertOne(new Document("_id", "key-1").append("role", "ADMIN"));
                store.makeAcknowledgedWritesDurable();
            });
            writes.get(60, TimeUnit.SECONDS);

            assertThat(scan).as("the scan is still running when the writes are durable").isNotDone();
            assertThat(trail.countDocuments()).isEqualTo(TRAIL + 1);
            assertThat(database.getCollection("apiKeys").find(new Document("_id", "key-1")).first()).isNotNull();

            release.countDown();
            List<Document> read = scan.get(60, TimeUnit.SECONDS);
            assertThat(read).as("the scan saw the trail as it started").hasSize(TRAIL);
            assertThat(read.get(0).getInteger("seq")).isEqualTo(TRAIL - 1);
        }
    }

    @Test
    void a_lookup_by_a_unique_index_reads_the_snapshot_too() {
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(store.connectionString("encours"))) {
            MongoCollection<Document> trail = client.getDatabase("encours").getCollection("decisions");
            trail.insertOne(new Document("_id", "d-1").append("seq", 1));
            assertThat(trail.find(new Document("_id", "d-1")).first()).containsEntry("seq", 1);
            assertThat(trail.find(new Document("_id", "d-2")).first()).isNull();
            assertThat(trail.countDocuments(new Document("seq", 1))).isEqualTo(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
