package io.encours.service.storage;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.EncoursApplication;
import io.encours.service.TestApi;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The service stopped and started again on the same data folder still has its decisions. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void a_decision_is_still_there_after_a_restart() throws InterruptedException {
        JsonNode decided;
        try (ConfigurableApplicationContext service = start()) {
            decided = api(service).post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", "restart-1").json();
        }

        try (ConfigurableApplicationContext service = start()) {
            TestApi api = api(service);
            // Ready once the audit writer has found the end of the chain (issue 20): a few lookups, not a read
            // of the trail, so it is waited for here only as long as the writer's thread takes to start.
            TestApi.Response ready = awaitReady(api);
            assertThat(ready.status()).as("readiness: %s", ready.text()).isEqualTo(200);
            TestApi.Response readBack = api.get("/api/v1/decisions/" + decided.get("decisionId").asString());
            TestApi.Response retry = api.post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", "restart-1");

            assertThat(readBack.status()).isEqualTo(200);
            assertThat(readBack.json()).isEqualTo(decided);
            assertThat(retry.header("Idempotent-Replayed")).as("the request-id index survived too").isEqualTo("true");
            assertThat(api.get("/api/v1/customers/C-1000/decisions").json().get("totalElements").asLong()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(EncoursApplication.class)
                .run("--server.port=0", "--encours.storage.data-dir=" + dataDir, "--spring.main.banner-mode=off");
    }

    private static TestApi.Response awaitReady(TestApi api) throws InterruptedException {
        long giveUp = System.nanoTime() + 30_000_000_000L;
        TestApi.Response readiness = api.anonymous().get("/actuator/health/readiness");
        while (readiness.status() != 200 && System.nanoTime() < giveUp) {
            Thread.sleep(50);
            readiness = api.anonymous().get("/actuator/health/readiness");
        }
        return readiness;
    }

    private static TestApi api(ConfigurableApplicationContext service) {
        return new TestApi(((WebServerApplicationContext) service).getWebServer().getPort());
    }
}
