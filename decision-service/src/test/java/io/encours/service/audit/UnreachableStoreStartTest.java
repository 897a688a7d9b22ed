package io.encours.service.audit;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.service.EncoursApplication;
import io.encours.service.TestApi;
import io.encours.service.policy.ActivePolicy;
import io.encours.service.web.ProblemException;
import io.encours.service.storage.EmbeddedMongo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12: a wrong MONGODB_URI (nothing listening there) no longer stops the service at start-up. It starts with
 * no policy, health DOWN, and answers decisions with a 503 problem until the store is reachable; then it loads
 * the policy (the default one on an empty store), creates its first accounts and decides, by itself.
 */
class UnreachableStoreStartTest {

    @Test
    void the_service_starts_without_its_store_and_refuses_decisions_with_a_503() {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(EncoursApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--spring.mongodb.uri=mongodb://127.0.0.1:1/encours",
                        "--encours.storage.timeouts.server-selection=200ms")) {
            TestApi api = new TestApi(((WebServerApplicationContext) service).getWebServer().getPort());

            TestApi.Response decision = api.post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", "k-1");
            TestApi.Response health = api.anonymous().get("/actuator/health");
            TestApi.Response readiness = api.anonymous().get("/actuator/health/readiness");
            TestApi.Response liveness = api.anonymous().get("/actuator/health/liveness");

            assertThat(decision.status()).isEqualTo(503);
            // Issue 20: not ready while the audit writer cannot write; alive all the same (no restart would help).
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(decision.contentType()).startsWith("application/problem+json");
            assertThat(decision.json().has("decisionId")).isFalse();
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
            assertThat(service.getBean(AuditHealthIndicator.class).health().getStatus().getCode()).isEqualTo("DOWN");
            // No policy until the synchronizer can read it: a decision would be refused with policy-unavailable.
            assertThat(service.getBean(ActivePolicy.class).loaded()).isFalse();
            assertThatThrownBy(() -> service.getBean(ActivePolicy.class).current())
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().getStatus()).isEqualTo(503);
                        assertThat(e.problem().getType().toString()).isEqualTo("/problems/policy-unavailable");
                    });
        }
    }

    @Test
    void once_the_store_is_reachable_the_service_loads_its_policy_and_decides_by_itself(@TempDir Path data)
            throws InterruptedException {
        // A store that is down when the service starts, on a port the service is told to use.
        try (EmbeddedMongo store = EmbeddedMongo.start(data)) {
            store.stop();
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(EncoursApplication.class)
                    .profiles("test")
                    .run("--server.port=0", "--spring.main.banner-mode=off",
                            "--spring.mongodb.uri=" + store.connectionString("encours"),
                            "--encours.storage.timeouts.server-selection=200ms",
                            "--encours.audit.retry-interval=200ms",
                            "--encours.security.api-key-refresh=500ms")) {
                TestApi api = new TestApi(((WebServerApplicationContext) service).getWebServer().getPort());
                assertThat(api.post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", "k-1").status())
                        .isEqualTo(503);
                assertThat(api.anonymous().get("/actuator/health/readiness").status()).isEqualTo(503);

                store.restart();

                TestApi.Response decision = null;
                Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
                while (Instant.now().isBefore(giveUp)) {
                    decision = api.post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", "k-2");
                    if (decision.status() == 200) {
                        break;
                    }
                    Thread.sleep(250);
                }
                assertThat(decision.status()).as("decision after the store came back: %s", decision.text())
                        .isEqualTo(200);
                // The writer wrote the record: it has the chain's end, so the service is ready again.
                TestApi.Response readiness = api.anonymous().get("/actuator/health/readiness");
                assertThat(readiness.status()).as("readiness: %s", readiness.text()).isEqualTo(200);
                assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
                String id = decision.json().get("decisionId").asString();
                assertThat(api.get("/api/v1/decisions/" + id).status()).isEqualTo(200);
                assertThat(service.getBean(ActivePolicy.class).loaded()).isTrue();
                // The same key again is the same decision: it was recorded once.
                TestApi.Response again = api.post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", "k-2");
                assertThat(again.json().get("decisionId").asString()).isEqualTo(id);
            }
        }
    }
}
