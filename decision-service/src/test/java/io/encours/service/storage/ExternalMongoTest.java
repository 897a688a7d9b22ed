package io.encours.service.storage;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.encours.service.EncoursApplication;
import io.encours.service.TestApi;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With MONGODB_URI set the service starts no store of its own and records decisions, with journaled
 * writes, in the MongoDB it is given (here a wire-protocol server in the test, standing in for one).
 */
class ExternalMongoTest {

    @TempDir
    Path serverDir;

    @TempDir
    Path unusedDataDir;

    @Test
    void decisions_go_to_the_mongodb_named_by_MONGODB_URI() {
        try (EmbeddedMongo external = EmbeddedMongo.start(serverDir);
             ConfigurableApplicationContext service = new SpringApplicationBuilder(EncoursApplication.class)
                     .properties("MONGODB_URI=" + external.connectionString("audit"))
                     .run("--server.port=0", "--encours.storage.data-dir=" + unusedDataDir, "--spring.main.banner-mode=off",
                             "--spring.mongodb.database=audit");
             MongoClient client = MongoClients.create(external.connectionString("audit"))) {
            TestApi api = new TestApi(((WebServerApplicationContext) service).getWebServer().getPort());

            TestApi.Response decided = api.post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", "ext-1");

            assertThat(decided.status()).isEqualTo(200);
            assertThat(service.getBeansOfType(EmbeddedMongo.class)).isEmpty();
            assertThat(service.getBean(WriteDurability.class).writeConcern().getJournal()).isTrue();
            assertThat(api.as("auditor", "secret-auditor").get("/actuator/health").json().get("components").get("storage").get("details")
                    .get("mode").asString()).isEqualTo("mongodb");
            assertThat(client.getDatabase("audit").getCollection("decisions")
                    .countDocuments(new Document("requestId", "ext-1"))).isEqualTo(1);
            assertThat(unusedDataDir.resolve(EmbeddedMongo.FILE_NAME)).doesNotExist();
        }
    }
}
