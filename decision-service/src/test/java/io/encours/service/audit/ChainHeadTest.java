package io.encours.service.audit;

import static io.encours.service.audit.AuditRecords.anOrderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.encours.service.storage.EmbeddedMongo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 20: the audit writer finds the end of the hash chain without reading the trail, on the embedded store
 * (whose sorted queries read and sort every record). Proved with the documents the embedded server examines:
 * resuming after a trail of thousands of records examines one or two of them, where the query used before
 * examines them all. A head left behind by a crash, a head that points past the trail and a store written before
 * there was a head are all repaired; readiness waits for the chain's end.
 */
class ChainHeadTest {
    private static final String DATABASE = "encours";

    @TempDir
    Path dataDir;
    private EmbeddedMongo server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final AuditDocuments documents = new AuditDocuments(AuditRecords.JSON);
    private final AuditProperties properties =
            new AuditProperties(256, 8192, Duration.ofSeconds(30), true, Duration.ofMillis(200));
    private int written;

    @BeforeEach
    void openStore() {
        server = EmbeddedMongo.start(dataDir);
        client = MongoClients.create(server.connectionString(DATABASE));
        mongo = new MongoTemplate(client, DATABASE);
        AuditConfiguration.createIndexes(mongo, server);
    }

    @AfterEach
    void closeStore() {
        client.close();
        server.close();
    }

    @Test
    void the_chain_end_is_found_with_one_lookup_whatever_the_trail_holds() throws Exception {
        fill(3000);
        long examinedBefore = examined();

        try (AuditWriter writer = readyWriter()) {
            // One document: the record the head points at, confirmed on the chainSeq index; none after it.
            assertThat(examined() - examinedBefore).isLessThanOrEqualTo(1);
            write(writer, 1);
        }
        assertOneUnbrokenChain(3001);
        assertThat(headDocument().getLong(AuditChain.SEQ)).isEqualTo(3001L);

        // The query used before issue 20, for contrast: it examines the whole trail.
        long beforeOldQuery = examined();
        trail().find(Filters.exists(AuditChain.SEQ)).sort(Sorts.descending(AuditChain.SEQ)).limit(1).first();
        assertThat(examined() - beforeOldQuery).isGreaterThanOrEqualTo(3001);
    }

    @Test
    void a_decision_written_then_read_by_id_and_by_idempotency_key_examines_only_its_own_record() throws Exception {
        fill(2000);
        try (AuditWriter writer = readyWriter()) {
            AuditTrail auditTrail = new AuditTrail(mongo, writer, documents, properties.writeTimeout(),
                    new SimpleMeterRegistry());
            AuditRecord record = anOrderCheck().withRequestId("on-the-decision-path").build();
            long before = examined();

            auditTrail.record(record);
            long afterWrite = examined();
            assertThat(auditTrail.read(record.decisionId())).isPresent();
            long afterRead = examined();
            assertThat(auditTrail.findByRequestId(record.caller(), record.requestId())).isPresent();
            long afterReplayLookup = examined();

            assertThat(afterWrite - before).as("the write, its chain link and the head").isZero();
            assertThat(afterRead - afterWrite).as("read by decision id").isEqualTo(1);
            assertThat(afterReplayLookup - afterRead).as("found by caller and idempotency key").isEqualTo(1);
        }
    }

    @Test
    void a_head_left_behind_by_a_crash_between_the_two_writes_is_moved_forward() throws Exception {
        fill(1000);
        // As if the process had died after writing records 901 to 1000 and before moving the head past 900.
        setHead(900, hashOf(900));
        long examinedBefore = examined();

        try (AuditWriter writer = readyWriter()) {
            // Record 900 confirmed, then the hundred records after it found by number, and nothing more.
            assertThat(examined() - examinedBefore).isLessThanOrEqualTo(1 + 100);
            assertThat(headDocument().getLong(AuditChain.SEQ)).isEqualTo(1000L);
            write(writer, 5);
        }
        assertOneUnbrokenChain(1005);
        assertThat(headDocument().getLong(AuditChain.SEQ)).isEqualTo(1005L);
        assertThat(headDocument().getString(AuditChain.HASH)).isEqualTo(hashOf(1005));
    }

    @Test
    void a_store_written_before_the_head_existed_is_read_once_then_never_again() throws Exception {
        fill(500);
        mongo.getDb().getCollection(ChainStore.COLLECTION).drop();
        long examinedBefore = examined();

        try (AuditWriter writer = readyWriter()) {
            assertThat(examined() - examinedBefore).isGreaterThanOrEqualTo(500);
            assertThat(headDocument().getLong(AuditChain.SEQ)).isEqualTo(500L);
            write(writer, 1);
        }
        long afterFirstStart = examined();
        try (AuditWriter writer = readyWriter()) {
            assertThat(examined() - afterFirstStart).isLessThanOrEqualTo(1);
            write(writer, 1);
        }
        assertOneUnbrokenChain(502);
    }

    @Test
    void a_head_pointing_past_the_trail_is_set_back_to_the_trails_end() throws Exception {
        fill(300);
        // A trail restored from a backup older than its head, or a head edited by hand.
        setHead(10_000, "f".repeat(64));

        try (AuditWriter writer = readyWriter()) {
            assertThat(headDocument().getLong(AuditChain.SEQ)).isEqualTo(300L);
            write(writer, 2);
        }
        assertOneUnbrokenChain(302);
        assertThat(headDocument().getLong(AuditChain.SEQ)).isEqualTo(302L);
    }

    @Test
    void the_writer_is_not_ready_until_it_has_found_the_chains_end() throws Exception {
        fill(50);
        server.stop();
        try (AuditWriter writer = new AuditWriter(mongo.getDb(), server, properties, new SimpleMeterRegistry())) {
            AuditHealthIndicator health = new AuditHealthIndicator(writer);
            assertThat(writer.ready()).isFalse();
            assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");

            server.restart();
            awaitReady(writer);

            assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
            write(writer, 1);
        }
        assertOneUnbrokenChain(51);
    }

    private AuditWriter readyWriter() throws InterruptedException {
        AuditWriter writer = new AuditWriter(mongo.getDb(), server, properties, new SimpleMeterRegistry());
        awaitReady(writer);
        return writer;
    }

    private static void awaitReady(AuditWriter writer) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (!writer.ready() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
        }
        assertThat(writer.ready()).as("writer ready").isTrue();
    }

    /** {@code count} records through a writer of its own, submitted together so that they share batches. */
    private void fill(int count) throws Exception {
        try (AuditWriter writer = readyWriter()) {
            write(writer, count);
        }
        assertThat(trail().countDocuments()).isEqualTo(count);
    }

    private void write(AuditWriter writer, int count) throws Exception {
        List<CompletableFuture<Void>> writes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String requestId = "req-" + written++;
            writes.add(writer.submit(documents.toDocument(anOrderCheck().withRequestId(requestId).build()), requestId));
        }
        for (CompletableFuture<Void> w : writes) {
            w.get();
        }
    }

    private long examined() {
        return server.documentsExamined(DATABASE, AuditDocuments.COLLECTION);
    }

    private MongoCollection<Document> trail() {
        return mongo.getCollection(AuditDocuments.COLLECTION);
    }

    private Document headDocument() {
        return mongo.getCollection(ChainStore.COLLECTION).find(Filters.eq("_id", ChainStore.ID)).first();
    }

    private void setHead(long seq, String hash) {
        mongo.getCollection(ChainStore.COLLECTION).updateOne(Filters.eq("_id", ChainStore.ID),
                Updates.combine(Updates.set(AuditChain.SEQ, seq), Updates.set(AuditChain.HASH, hash)));
        server.makeAcknowledgedWritesDurable();
    }

    private String hashOf(long seq) {
        return trail().find(Filters.eq(AuditChain.SEQ, seq)).first().getString(AuditChain.HASH);
    }

    private void assertOneUnbrokenChain(int records) {
        List<Document> chain = trail().find().sort(Sorts.ascending(AuditChain.SEQ)).into(new ArrayList<>());
        assertThat(chain).hasSize(records);
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
