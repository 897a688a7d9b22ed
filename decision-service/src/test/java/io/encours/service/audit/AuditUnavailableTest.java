package io.encours.service.audit;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.encours.service.EncoursApplication;
import io.encours.service.TestApi;
import io.encours.service.storage.EmbeddedMongo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** No decision without its record: when the store is gone the answer is a 503 problem, not a decision. */
class AuditUnavailableTest {

    @TempDir
    Path dataDir;

    @Test
    void a_decision_that_cannot_be_recorded_is_not_given() {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(EncoursApplication.class)
                .run("--server.port=0", "--encours.storage.data-dir=" + dataDir, "--spring.main.banner-mode=off",
                        "--encours.audit.write-timeout=10s")) {
            TestApi api = new TestApi(((WebServerApplicationContext) service).getWebServer().getPort());
            service.getBean(EmbeddedMongo.class).close();

            TestApi.Response response = api.post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", "lost-1");

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).isEqualTo("/problems/audit-unavailable");
            assertThat(response.json().has("decisionId")).isFalse();
            assertThat(response.json().has("outcome")).isFalse();
            // The public health answer is the status only (issue 12): the store's DOWN makes the whole DOWN
            TestApi.Response health = api.anonymous().get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
        }
        try (EmbeddedMongo store = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(store.connectionString("encours"))) {
            try (var lost = new AuditReadStore(new MongoTemplate(client, "encours")).wholeRecords(
                    DecisionCriteria.ofRequest("lost-1"), DecisionOrder.RECEIVED_AT_ASC)) {
                assertThat(lost.hasNext()).isFalse();
            }
        }
    }
}
