package io.encours.service.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's file gives back the space of superseded pages: a compaction pass rewrites the live
 * pages of its emptiest chunks, later commits reuse the emptied space, and every record is still there, whole
 * and indexed, after a restart.
 */
class EmbeddedCompactionTest {
    /** Group commits of this many records, as the audit writer makes them under load. */
    private static final int PER_COMMIT = 9;
    private static final int COMMITS = 300;
    private static final int TARGET = 60;
    private static final int LARGER = 8 * COMMITS;
    // No retention: the chunks a test writes may be rewritten and reused at once (the service keeps 45 s).
    private static final EmbeddedCompaction BY_HAND =
            new EmbeddedCompaction(Duration.ZERO, TARGET, 1 << 20, Duration.ZERO, 0);

    @TempDir
    Path dataDir;

    @Test
    void passes_give_back_the_space_of_superseded_pages_and_every_record_survives_a_restart() throws IOException {
        Path compacted = dataDir.resolve("compacted");
        Path left = dataDir.resolve("left-as-is");
        long compactedSize;
        long leftSize;
        int compactedLive;
        int leftLive;
        try (EmbeddedMongo server = EmbeddedMongo.start(compacted, BY_HAND);
             MongoClient client = MongoClients.create(server.connectionString("encours"))) {
            MongoCollection<Document> decisions = indexed(client);
            record(server, decisions, 0, COMMITS, 0);
            assertThat(server.liveShare()).as("live share of the chunks before any pass").isLessThan(TARGET);
            int passes = 0;
            while (server.compactNow() && passes < 1_000) {
                passes++;
            }
            assertThat(passes).isPositive();
            assertThat(server.liveShare()).isGreaterThanOrEqualTo(TARGET);

            record(server, decisions, COMMITS, 2 * COMMITS, 10);
            compactedSize = Files.size(server.file());
            compactedLive = server.liveShare();
        }
        try (EmbeddedMongo server = EmbeddedMongo.start(left, BY_HAND);
             MongoClient client = MongoClients.create(server.connectionString("encours"))) {
            record(server, indexed(client), 0, 2 * COMMITS, 0);
            leftSize = Files.size(server.file());
            leftLive = server.liveShare();
        }
        // The same records, in a file a good deal smaller and fuller.
        assertThat(compactedSize).isLessThan(leftSize * 9 / 10);
        assertThat(compactedLive).isGreaterThan(leftLive);

        try (EmbeddedMongo restarted = EmbeddedMongo.start(compacted);
             MongoClient client = MongoClients.create(restarted.connectionString("encours"))) {
            MongoCollection<Document> decisions = decisions(client);
            List<Document> all = decisions.find().into(new ArrayList<>());
            assertThat(all).hasSize(2 * COMMITS * PER_COMMIT);
            assertThat(all).allSatisfy(d -> assertThat(d).isEqualTo(decision(d.getInteger("n"))));
            assertThatThrownBy(() -> decisions.insertOne(decision(5).append("_id", "another")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void the_background_passes_keep_the_live_share_at_the_target() throws InterruptedException {
        EmbeddedCompaction every50ms = new EmbeddedCompaction(Duration.ofMillis(50), TARGET, 1 << 20, Duration.ZERO, 100);
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir, every50ms);
             MongoClient client = MongoClients.create(server.connectionString("encours"))) {
            MongoCollection<Document> decisions = indexed(client);
            record(server, decisions, 0, COMMITS, 0);

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (server.liveShare() < TARGET && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.liveShare()).isGreaterThanOrEqualTo(TARGET);
            assertThat(decisions.countDocuments()).isEqualTo((long) COMMITS * PER_COMMIT);
        }
    }


    @Test
    void queries_running_during_passes_and_commits_read_every_record() throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir, BY_HAND);
             MongoClient client = MongoClients.create(server.connectionString("encours"))) {
            MongoCollection<Document> decisions = indexed(client);
            // More than the store's page cache (16 MB), so that queries read pages from the file.
            record(server, decisions, 0, LARGER, 0);
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                int commit = LARGER;
                while (writing.get()) {
                    record(server, decisions, commit, commit + 1, 1);
                    commit++;
                }
            });
            writer.start();
            try {
                // A sorted query reads the whole collection within one command, while chunks are emptied
                // by passes and reused by the commits that follow.
                for (int i = 0; i < 8; i++) {
                    List<Integer> ns = decisions.find().sort(Sorts.descending("n")).projection(Projections.include("n"))
                            .map(d -> d.getInteger("n")).into(new ArrayList<>());
                    assertThat(ns.size()).isGreaterThanOrEqualTo(LARGER * PER_COMMIT);
                    assertThat(ns).doesNotHaveDuplicates().endsWith(2, 1, 0);
                }
            } finally {
                writing.set(false);
                writer.join();
            }
        }
    }

    @Test
    void a_pass_waits_while_the_store_is_busy_unless_little_is_live() {
        EmbeddedCompaction compaction = new EmbeddedCompaction(Duration.ofSeconds(2), 60, 1 << 20, Duration.ZERO, 100);

        assertThat(compaction.passDue(150, 2_000, 59)).as("75 commits a second, 59 % live").isTrue();
        assertThat(compaction.passDue(150, 2_000, 60)).as("at the target").isFalse();
        assertThat(compaction.passDue(1_000, 2_000, 45)).as("500 commits a second, 45 % live").isFalse();
        assertThat(compaction.passDue(1_000, 2_000, 29)).as("500 commits a second, 29 % live").isTrue();
        assertThat(new EmbeddedCompaction(Duration.ofSeconds(2), 60, 1 << 20, Duration.ZERO, 0)
                .passDue(1_000_000, 2_000, 59)).as("no busy limit").isTrue();
    }

    private static MongoCollection<Document> indexed(MongoClient client) {
        MongoCollection<Document> decisions = decisions(client);
        decisions.createIndex(Indexes.ascending("requestId"), new IndexOptions().unique(true));
        return decisions;
    }

    private static MongoCollection<Document> decisions(MongoClient client) {
        return client.getDatabase("encours").getCollection("decisions");
    }

    /** Group commits {@code from} to {@code to}, with a compaction pass every {@code passEvery} (0: none). */
    private static void record(EmbeddedMongo server, MongoCollection<Document> decisions, int from, int to,
                               int passEvery) {
        for (int commit = from; commit < to; commit++) {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < PER_COMMIT; i++) {
                batch.add(decision(commit * PER_COMMIT + i));
            }
            decisions.insertMany(batch);
            server.makeAcknowledgedWritesDurable();
            if (passEvery > 0 && commit % passEvery == 0) {
                server.compactNow();
            }
        }
    }

    /** About the size of an order check's audit record, with a request id in no particular order (a UUID). */
    private static Document decision(int n) {
        String requestId = UUID.nameUUIDFromBytes(("request " + n).getBytes(StandardCharsets.UTF_8)).toString();
        return new Document("_id", String.format("d-%06d", n)).append("n", n).append("requestId", requestId)
                .append("input", "{\"order\":" + n + ",\"x\":\"" + "i".repeat(900) + "\"}")
                .append("output", "{\"n\":" + n + ",\"y\":\"" + "o".repeat(1800) + "\"}");
    }
}
