package io.encours.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unsorted queries on the embedded store are answered a batch at a time (the cursor walks the collection as
 * the client reads); what the client sees is what MongoDB gives: every matching document once, the fields
 * asked for, the documents inserted ahead of the cursor while it is open, none removed ahead of it.
 */
class EmbeddedCollectionTest {
    private static final int DOCUMENTS = 2_500;

    @TempDir
    Path dataDir;

    private static String id(int i) {
        return String.format("d-%05d", i);
    }

    private static void fill(MongoCollection<Document> decisions) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            batch.add(new Document("_id", id(i)).append("type", i % 3 == 0 ? "ORDER_CHECK" : "DUNNING")
                    .append("n", i).append("input", "{\"i\":" + i + "}").append("output", "x".repeat(200)));
        }
        decisions.insertMany(batch);
    }

    @Test
    void an_unsorted_query_returns_every_match_once_with_the_fields_asked_for_over_many_batches() {
        with(decisions -> {
            fill(decisions);

            List<Document> read = new ArrayList<>();
            decisions.find(Filters.eq("type", "ORDER_CHECK")).projection(Projections.include("n", "input"))
                    .batchSize(100).into(read);

            assertThat(read).hasSize((DOCUMENTS + 2) / 3);
            assertThat(read).extracting(d -> d.getInteger("n")).doesNotHaveDuplicates()
                    .allSatisfy(n -> assertThat(n % 3).isZero());
            assertThat(read.get(0)).isEqualTo(new Document("_id", id(0)).append("n", 0).append("input", "{\"i\":0}"));
            assertThat(read).allSatisfy(d -> assertThat(d.keySet()).containsExactly("_id", "n", "input"));
        });
    }

    @Test
    void projections_without_the_id_and_queries_with_no_match_or_one_batch_work_as_before() {
        with(decisions -> {
            fill(decisions);

            assertThat(decisions.find(Filters.eq("n", 7)).projection(Projections.fields(Projections.include("n"),
                    Projections.excludeId())).batchSize(10).first()).isEqualTo(new Document("n", 7));
            assertThat(decisions.find(Filters.eq("type", "NONE")).batchSize(10).into(new ArrayList<>())).isEmpty();
            assertThat(decisions.find(Filters.lt("n", 5)).batchSize(1000).into(new ArrayList<>())).hasSize(5);
            assertThat(decisions.find(Filters.gte("n", DOCUMENTS - 10)).batchSize(10).into(new ArrayList<>()))
                    .hasSize(10);
        });
    }

    @Test
    void documents_inserted_ahead_of_an_open_cursor_are_found_and_removed_ones_are_not() {
        with(decisions -> {
            fill(decisions);
            List<String> seen = new ArrayList<>();
            try (MongoCursor<Document> cursor = decisions.find().projection(Projections.include("n"))
                    .batchSize(100).iterator()) {
                for (int i = 0; i < 150; i++) {
                    seen.add(cursor.next().getString("_id"));
                }
                decisions.insertOne(new Document("_id", "e-ahead").append("n", -1));
                decisions.deleteOne(Filters.eq("_id", id(DOCUMENTS - 1)));
                decisions.insertOne(new Document("_id", "a-behind").append("n", -2));
                cursor.forEachRemaining(d -> seen.add(d.getString("_id")));
            }

            assertThat(seen).doesNotHaveDuplicates().contains("e-ahead", id(DOCUMENTS - 2))
                    .doesNotContain(id(DOCUMENTS - 1), "a-behind").hasSize(DOCUMENTS);
        });
    }

    @Test
    void a_cursor_closed_early_leaves_the_store_usable_and_sorted_queries_keep_their_order() {
        with(decisions -> {
            fill(decisions);
            try (MongoCursor<Document> cursor = decisions.find().batchSize(10).iterator()) {
                cursor.next();
            }

            assertThat(decisions.find().sort(Sorts.descending("n")).limit(3).into(new ArrayList<>()))
                    .extracting(d -> d.getInteger("n")).containsExactly(DOCUMENTS - 1, DOCUMENTS - 2, DOCUMENTS - 3);
            assertThat(decisions.countDocuments(Filters.eq("type", "ORDER_CHECK"))).isEqualTo((DOCUMENTS + 2) / 3);
        });
    }

    @Test
    void a_count_of_an_id_range_is_read_from_the_id_index_and_other_counts_read_the_documents() {
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString("encours"))) {
            MongoDatabase database = client.getDatabase("encours");
            MongoCollection<Document> decisions = database.getCollection("decisions");
            fill(decisions);
            decisions.insertOne(new Document("_id", 42).append("n", -1));

            assertThat(count(database, new Document("_id", new Document("$gte", id(100)).append("$lt", id(350)))))
                    .isEqualTo(250);
            assertThat(count(database, new Document("_id", new Document("$gte", "d-").append("$lt", "e-"))))
                    .isEqualTo(DOCUMENTS);
            assertThat(count(database, new Document("_id", new Document("$gte", "e").append("$lt", "f")))).isZero();
            // Anything else is counted by reading the documents, as before.
            assertThat(count(database, new Document("_id", new Document("$gte", 0).append("$lt", 100)))).isEqualTo(1);
            assertThat(count(database, new Document("type", "ORDER_CHECK"))).isEqualTo((DOCUMENTS + 2) / 3);
            assertThat(decisions.countDocuments(Filters.and(Filters.gte("_id", id(100)), Filters.lt("_id", id(350)))))
                    .isEqualTo(250);
        }
    }

    private static long count(MongoDatabase database, Document query) {
        return ((Number) database.runCommand(new Document("count", "decisions").append("query", query)).get("n"))
                .longValue();
    }

    private void with(Consumer<MongoCollection<Document>> use) {
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString("encours"))) {
            use.accept(client.getDatabase("encours").getCollection("decisions"));
            server.makeAcknowledgedWritesDurable();
        }
    }
}
