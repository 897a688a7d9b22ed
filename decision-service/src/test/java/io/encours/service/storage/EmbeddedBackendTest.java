package io.encours.service.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's own encodings (BSON documents, natively compared index keys) keep MongoDB's
 * behaviour: every BSON type reads back as written after a restart, and unique indexes treat equal values
 * as equal whatever their numeric type.
 */
class EmbeddedBackendTest {

    @TempDir
    Path dataDir;

    @Test
    void documents_of_every_kind_read_back_as_written_after_a_restart() {
        Document written = new Document("_id", new ObjectId())
                .append("text", "Société Générale — 20 000 €")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", 0.1)
                .append("decimal", new Decimal128(new BigDecimal("20001.10")))
                .append("date", new Date(1_781_000_000_000L))
                .append("flag", true)
                .append("none", null)
                .append("list", List.of("a", 1, new Document("nested", List.of(1.5, "b"))))
                .append("nested", new Document("deeper", new Document("value", "x")));
        with(decisions -> decisions.insertOne(written));

        with(decisions -> assertThat(decisions.find(new Document("_id", written.get("_id"))).first()).isEqualTo(written));
    }

    @Test
    void a_unique_index_refuses_equal_values_of_any_numeric_type_and_survives_a_restart() {
        with(decisions -> {
            decisions.createIndex(Indexes.ascending("requestId", "amount"), new IndexOptions().unique(true));
            decisions.insertOne(new Document("requestId", "r-1").append("amount", 1));
            decisions.insertOne(new Document("requestId", "r-1").append("amount", 2));
            assertDuplicate(() -> decisions.insertOne(new Document("requestId", "r-1").append("amount", 1.0)));
        });

        with(decisions -> {
            assertDuplicate(() -> decisions.insertOne(new Document("requestId", "r-1").append("amount", 1L)));
            decisions.insertOne(new Document("requestId", "r-2").append("amount", 1));
            assertThat(decisions.countDocuments(new Document("requestId", "r-1"))).isEqualTo(2);
        });
    }

    @Test
    void many_keys_stay_findable_through_the_index() {
        with(decisions -> {
            decisions.createIndex(Indexes.ascending("requestId"), new IndexOptions().unique(true));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                batch.add(new Document("_id", "d-" + i).append("requestId", "req-" + (i * 7919 % 2_000)));
            }
            decisions.insertMany(batch);
        });

        with(decisions -> {
            for (int i = 0; i < 2_000; i += 97) {
                assertThat(decisions.find(new Document("requestId", "req-" + i)).first()).as("req-" + i).isNotNull();
            }
            assertDuplicate(() -> decisions.insertOne(new Document("requestId", "req-1999")));
        });
    }

    private static void assertDuplicate(org.assertj.core.api.ThrowableAssert.ThrowingCallable insert) {
        assertThatThrownBy(insert).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private void with(Consumer<MongoCollection<Document>> use) {
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString("encours"))) {
            use.accept(client.getDatabase("encours").getCollection("decisions"));
            server.makeAcknowledgedWritesDurable();
        }
    }
}
