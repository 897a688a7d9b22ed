package io.encours.service.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @TempDir
    Path dataDir;

    @Test
    void documents_survive_a_restart_on_the_same_folder() {
        withCollection(dataDir, (server, decisions) -> decisions.insertOne(new Document("_id", "d-1").append("outcome", "APPROVE")));

        withCollection(dataDir, (server, decisions) ->
                assertThat(decisions.find(new Document("_id", "d-1")).first()).containsEntry("outcome", "APPROVE"));
    }

    /**
     * A copy of the store's file taken while the server runs is what a crash of the process would leave on
     * disk: the acknowledged write made durable is in it, a write not yet made durable is not (no
     * background writer races the explicit commit).
     */
    @Test
    void a_write_is_in_the_file_once_made_durable_and_not_before(@TempDir Path crashCopy) throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString("encours"))) {
            MongoCollection<Document> decisions = client.getDatabase("encours").getCollection("decisions");
            decisions.insertOne(new Document("_id", "durable"));
            server.makeAcknowledgedWritesDurable();
            decisions.insertOne(new Document("_id", "not-yet-durable"));

            Files.copy(server.file(), crashCopy.resolve(EmbeddedMongo.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        }

        withCollection(crashCopy, (server, decisions) -> {
            assertThat(decisions.find(new Document("_id", "durable")).first()).isNotNull();
            assertThat(decisions.find(new Document("_id", "not-yet-durable")).first()).isNull();
        });
    }

    @Test
    void a_second_server_cannot_open_a_folder_in_use() {
        try (EmbeddedMongo first = EmbeddedMongo.start(dataDir)) {
            assertThat(first.isRunning()).isTrue();
            assertThatThrownBy(() -> EmbeddedMongo.start(dataDir)).hasMessageContaining("locked");
        }
    }

    @Test
    void closing_twice_is_harmless() {
        EmbeddedMongo server = EmbeddedMongo.start(dataDir);
        server.close();
        server.close();
        assertThat(server.isRunning()).isFalse();
    }

    private static void withCollection(Path dir, java.util.function.BiConsumer<EmbeddedMongo, MongoCollection<Document>> use) {
        try (EmbeddedMongo server = EmbeddedMongo.start(dir);
             MongoClient client = MongoClients.create(server.connectionString("encours"))) {
            use.accept(server, client.getDatabase("encours").getCollection("decisions"));
        }
    }
}
