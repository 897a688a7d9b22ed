package io.encours.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The storage health says how large the embedded store has grown, and when it nears what it can serve. */
class StorageHealthIndicatorTest {

    @TempDir
    Path dataDir;

    @Test
    void below_the_capacity_warning_the_store_is_up_with_its_file_size() {
        health(1L << 40, health -> {
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("capacity", "OK").containsKey("fileBytes");
            assertThat((Long) health.getDetails().get("fileBytes")).isPositive();
        });
    }

    @Test
    void above_the_capacity_warning_the_store_is_still_up_and_says_to_move_to_mongodb_with_the_figure() {
        health(1, health -> {
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("capacity", "NEAR_LIMIT")
                    .containsEntry("capacityWarningBytes", 1L);
            assertThat((String) health.getDetails().get("advice"))
                    .contains("MONGODB_URI").contains(String.valueOf(health.getDetails().get("fileBytes")));
        });
    }

    private void health(long capacityWarningBytes, Consumer<Health> check) {
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(store.connectionString("encours"))) {
            MongoTemplate mongo = new MongoTemplate(client, "encours");
            mongo.getCollection("decisions").insertOne(new Document("_id", "d-1"));
            store.makeAcknowledgedWritesDurable();
            check.accept(new StorageHealthIndicator(mongo, store, store, capacityWarningBytes).health());
        }
    }
}
