package io.encours.service.audit;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.encours.service.EncoursApplication;
import io.encours.service.TestApi;
import io.encours.service.policy.ActivePolicy;
import io.encours.service.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12: a wrong MONGODB_URI (nothing listening there) no longer stops the service at start-up. It starts with
 * no policy, health DOWN, and answers decisions with a 503 problem until the store is reachable.
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

            assertThat(decision.status()).isEqualTo(503);
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
}
