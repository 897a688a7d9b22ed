package io.encours.service.audit;

import static io.encours.service.audit.AuditRecords.anOrderCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Sorts;
import io.encours.rules.model.DecisionType;
import io.encours.service.storage.WriteDurability;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the audit trail promises, whatever the store: the same tests run on the embedded server and on a
 * real MongoDB ({@link EmbeddedAuditTrailTest}, {@link MongoDbAuditTrailTest}).
 */
abstract class AuditTrailContract {

    /** A client of the store under test. */
    abstract MongoClient client();

    abstract WriteDurability durability();

    private AuditWriter writer;
    private AuditTrail trail;
    private MongoTemplate mongo;

    @BeforeEach
    void openTrail() {
        mongo = new MongoTemplate(client(), "audit-" + UUID.randomUUID().toString().substring(0, 8));
        AuditConfiguration.createIndexes(mongo, durability());
        AuditProperties properties = new AuditProperties(64, 1024, Duration.ofSeconds(10), true, Duration.ofMillis(200));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        writer = new AuditWriter(mongo.getDb(), durability(), properties, meters);
        trail = new AuditTrail(mongo, writer, new AuditDocuments(AuditRecords.JSON), properties.writeTimeout(), meters);
    }

    @AfterEach
    void closeTrail() {
        writer.close();
        mongo.getDb().drop();
    }

    @Test
    void a_dunning_decision_is_about_its_invoice_and_a_record_written_before_subjects_derives_it() throws Exception {
        AuditRecord dunning = anOrderCheck().ofType(DecisionType.DUNNING, "DUN").forOrder("INV-9").build();
        AuditRecord older = anOrderCheck().ofType(DecisionType.DUNNING, "DUN").forOrder("INV-9").build();
        Document schema1 = new AuditDocuments(AuditRecords.JSON).toDocument(older);
        schema1.remove(AuditDocuments.SUBJECT_KIND);
        schema1.remove(AuditDocuments.SUBJECT_ID);
        schema1.put("schema", 1);

        trail.record(dunning);
        writer.submit(schema1, older.requestId()).get();

        assertThat(dunning.subject()).isEqualTo(Subject.invoice("INV-9"));
        assertThat(trail.read(dunning.decisionId())).contains(new CheckedRecord(dunning, Integrity.WHOLE));
        assertThat(trail.read(older.decisionId())).contains(new CheckedRecord(older, Integrity.WHOLE));
        List<Document> aboutTheInvoice = new AuditReadStore(mongo)
                .search(DecisionCriteria.about(Subject.invoice("INV-9")), DecisionOrder.RECEIVED_AT_ASC, null, 10)
                .records();
        assertThat(aboutTheInvoice).extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder(dunning.decisionId(), older.decisionId());
        assertThat(new AuditReadStore(mongo).search(DecisionCriteria.about(Subject.order("INV-9")),
                DecisionOrder.RECEIVED_AT_ASC, null, 10).records()).isEmpty();
    }

    @Test
    void a_record_reads_back_exactly_as_written() {
        AuditRecord record = anOrderCheck().build();

        trail.record(record);

        assertThat(trail.find(record.decisionId())).contains(record);
        assertThat(trail.findByRequestId(record.caller(), record.requestId()))
                .contains(new CheckedRecord(record, Integrity.WHOLE));
        assertThat(trail.read(record.decisionId())).contains(new CheckedRecord(record, Integrity.WHOLE));
    }

    @Test
    void amounts_keep_their_scale_and_are_stored_as_decimals() {
        AuditRecord record = anOrderCheck().build();
        trail.record(record);

        org.bson.Document stored = mongo.findById(record.decisionId(), org.bson.Document.class, "decisions");

        assertThat(stored.get("amount")).hasToString("20001.10").isInstanceOf(org.bson.types.Decimal128.class);
        assertThat(stored.get("receivedAt")).isInstanceOf(java.util.Date.class);
        assertThat(stored.getList("firedRules", String.class)).containsExactly("OrderChecks_12", "Order within policy");
        assertThat(stored.getList("reasonCodes", String.class)).containsExactly("CREDIT_LIMIT_EXCEEDED");
        assertThat(trail.find(record.decisionId()).orElseThrow().output().uninsuredShare()).hasToString("10001.00");
    }

    @Test
    void a_second_record_with_the_same_request_id_is_refused() {
        trail.record(anOrderCheck().withRequestId("order-42").build());

        assertThatThrownBy(() -> trail.record(anOrderCheck().withRequestId("order-42").build()))
                .isInstanceOf(DuplicateRequestException.class);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "decisions")).isEqualTo(1);
    }

    @Test
    void concurrent_records_are_all_durable_and_only_one_per_request_id() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // Every fifth request id is sent twice at once: exactly one of each pair may be recorded.
                String requestId = "req-" + (i % 5 == 0 ? "twice-" + i / 5 : "once-" + i);
                AuditRecord record = anOrderCheck().withRequestId(requestId).build();
                calls.add(() -> {
                    try {
                        trail.record(record);
                        return "recorded";
                    } catch (DuplicateRequestException e) {
                        return "duplicate";
                    }
                });
                if (i % 5 == 0) {
                    AuditRecord twin = anOrderCheck().withRequestId(requestId).build();
                    calls.add(() -> {
                        try {
                            trail.record(twin);
                            return "recorded";
                        } catch (DuplicateRequestException e) {
                            return "duplicate";
                        }
                    });
                }
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : callers.invokeAll(calls)) {
                results.add(f.get());
            }
            assertThat(results).filteredOn("recorded"::equals).hasSize(200);
            assertThat(results).filteredOn("duplicate"::equals).hasSize(40);
            assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "decisions")).isEqualTo(200);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void a_customers_history_is_newest_first_in_pages() {
        Instant t = Instant.parse("2026-06-15T09:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int minute = 0; minute < 5; minute++) {
            AuditRecord record = anOrderCheck().forCustomer("C-7").receivedAt(t.plusSeconds(60L * minute)).build();
            trail.record(record);
            ids.add(0, record.decisionId());
        }
        trail.record(anOrderCheck().forCustomer("C-8").build());

        assertThat(trail.history("C-7", 0, 3)).extracting(DecisionSummary::decisionId).isEqualTo(ids.subList(0, 3));
        assertThat(trail.history("C-7", 1, 3)).extracting(DecisionSummary::decisionId).isEqualTo(ids.subList(3, 5));
        assertThat(trail.countForCustomer("C-7")).isEqualTo(5);
        assertThat(trail.history("C-7", 0, 1).get(0))
                .satisfies(s -> {
                    assertThat(s.outcome()).isEqualTo("REVIEW");
                    assertThat(s.amount()).hasToString("20001.10");
                    assertThat(s.policy()).isEqualTo(AuditRecords.POLICY);
                });
    }

    @Test
    void an_idempotency_key_belongs_to_its_caller() {
        AuditRecord webshop = anOrderCheck().byCaller("webshop").withRequestId("order-42").build();
        AuditRecord erp = anOrderCheck().byCaller("erp-sales").withRequestId("order-42").withPayloadHash("hash-2").build();

        trail.record(webshop);
        trail.record(erp);

        assertThat(trail.findByRequestId("webshop", "order-42").orElseThrow().record()).isEqualTo(webshop);
        assertThat(trail.findByRequestId("erp-sales", "order-42").orElseThrow().record()).isEqualTo(erp);
        assertThat(trail.findByRequestId("someone-else", "order-42")).isEmpty();
        assertThatThrownBy(() -> trail.record(anOrderCheck().byCaller("webshop").withRequestId("order-42").build()))
                .isInstanceOf(DuplicateRequestException.class);
    }

    @Test
    void the_index_that_made_request_ids_unique_across_callers_is_dropped_at_start_up() {
        // The writer reads the chain's end in the background: dropping the database under it races in the server.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(writer::ready);
        mongo.getDb().drop();
        mongo.indexOps(AuditDocuments.COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("requestId", org.springframework.data.domain.Sort.Direction.ASC).unique().named("requestId_unique"));

        AuditConfiguration.createIndexes(mongo, durability());

        assertThat(mongo.indexOps(AuditDocuments.COLLECTION).getIndexInfo())
                .extracting(org.springframework.data.mongodb.core.index.IndexInfo::getName)
                .contains("caller_requestId_unique").doesNotContain("requestId_unique");
        trail.record(anOrderCheck().byCaller("webshop").withRequestId("order-7").build());
        trail.record(anOrderCheck().byCaller("erp-sales").withRequestId("order-7").build());
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "decisions")).isEqualTo(2);
    }

    @Test
    void a_record_changed_after_it_was_written_reads_as_altered() {
        AuditRecord record = anOrderCheck().build();
        trail.record(record);

        mongo.getCollection("decisions").updateOne(com.mongodb.client.model.Filters.eq("_id", record.decisionId()),
                com.mongodb.client.model.Updates.set("outcome", "APPROVE"));

        assertThat(trail.read(record.decisionId()).orElseThrow().integrity()).isEqualTo(Integrity.ALTERED);
        assertThat(trail.history("C-1000", 0, 10)).extracting(DecisionSummary::integrity)
                .containsExactly(Integrity.ALTERED);
        // Replays read the record as it now stands.
        assertThat(trail.find(record.decisionId()).orElseThrow().outcome()).isEqualTo("APPROVE");
    }

    @Test
    void a_record_whose_hashes_were_recomputed_over_new_content_still_breaks_its_link() {
        AuditRecord record = anOrderCheck().build();
        trail.record(record);
        org.bson.Document stored = mongo.findById(record.decisionId(), org.bson.Document.class, "decisions");
        stored.put("outcome", "APPROVE");
        String contentHash = AuditChain.contentHashOf(stored);

        // A forger who recomputes the content hash but cannot rewrite every later record keeps the old hash.
        mongo.getCollection("decisions").updateOne(com.mongodb.client.model.Filters.eq("_id", record.decisionId()),
                com.mongodb.client.model.Updates.combine(com.mongodb.client.model.Updates.set("outcome", "APPROVE"),
                        com.mongodb.client.model.Updates.set(AuditChain.CONTENT_HASH, contentHash)));

        assertThat(trail.read(record.decisionId()).orElseThrow().integrity()).isEqualTo(Integrity.ALTERED);
    }

    @Test
    void a_record_without_any_hash_reads_as_unsealed() {
        AuditRecord record = anOrderCheck().build();
        trail.record(record);

        mongo.getCollection("decisions").updateOne(com.mongodb.client.model.Filters.eq("_id", record.decisionId()),
                com.mongodb.client.model.Updates.unset(AuditChain.SEQ));
        assertThat(trail.read(record.decisionId()).orElseThrow().integrity()).isEqualTo(Integrity.ALTERED);
        mongo.getCollection("decisions").updateOne(com.mongodb.client.model.Filters.eq("_id", record.decisionId()),
                com.mongodb.client.model.Updates.combine(com.mongodb.client.model.Updates.unset(AuditChain.PREV_HASH),
                        com.mongodb.client.model.Updates.unset(AuditChain.HASH),
                        com.mongodb.client.model.Updates.unset(AuditChain.CONTENT_HASH)));

        assertThat(trail.read(record.decisionId()).orElseThrow().integrity()).isEqualTo(Integrity.UNSEALED);
    }

    @Test
    void an_unknown_decision_is_not_found() {
        assertThat(trail.find("01a20000-0000-7000-8000-000000000000")).isEmpty();
        assertThat(trail.findByRequestId("erp", "never-sent")).isEmpty();
    }
}
