package io.encours.service.web;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operations and integrators see besides decisions: health, metrics, the API description, the no-op baseline. */
class OperationsTest extends FullStackTest {

    @Test
    void health_reports_the_store_and_the_policy_in_force_to_auditors() {
        TestApi.Response response = api().as("auditor", "secret-auditor").get("/actuator/health");
        JsonNode components = response.json().get("components");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
        assertThat(components.get("storage").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("storage").get("details").get("mode").asString()).isEqualTo("embedded");
        assertThat(components.get("policy").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("policy").get("details").get("id").asString()).isEqualTo("credit-policy-fr");
        assertThat(components.get("policy").get("details").get("version").asString()).isEqualTo("2026.1");
        assertThat(components.has("mongo")).as("Boot's MongoDB indicator, which the embedded server cannot answer").isFalse();
    }

    @Test
    void health_shows_administrators_its_components() {
        TestApi.Response response = api().as("admin", "secret-admin").get("/actuator/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("components").get("storage").get("details").has("mode")).isTrue();
        assertThat(response.json().get("components").get("policy").get("details").has("hash")
                || response.json().get("components").get("policy").get("details").has("version")).isTrue();
    }

    @Test
    void public_health_is_the_status_only() {
        for (TestApi caller : new TestApi[] {api().anonymous(), api()}) {
            TestApi.Response response = caller.get("/actuator/health");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("status").asString()).isEqualTo("UP");
            assertThat(response.json().has("components")).as(response.text()).isFalse();
            assertThat(response.json().has("details")).as(response.text()).isFalse();
            assertThat(response.text()).doesNotContain("test-data", "hash", "free", "total", "credit-policy-fr");
        }
    }

    @Test
    void prometheus_counts_decisions_by_type_and_outcome_with_latency_histograms() {
        api().post(orderCheck().path(), orderCheck().body());

        String metrics = api().as("auditor", "secret-auditor").get("/actuator/prometheus").text();

        assertThat(metrics).containsPattern("encours_decisions_total\\{[^}]*outcome=\"APPROVE\"[^}]*type=\"ORDER_CHECK\"[^}]*} [1-9]");
        assertThat(metrics).contains("encours_decision_latency_seconds_bucket{");
        assertThat(metrics).containsPattern("encours_audit_write_seconds_count\\{[^}]*} [1-9]");
        assertThat(metrics).contains("encours_audit_write_seconds_bucket{");
        assertThat(metrics).contains("encours_audit_batch_size");
    }

    @Test
    void the_api_description_has_an_example_request_for_every_decision() {
        JsonNode paths = api().get("/v3/api-docs").json().get("paths");

        for (String decision : new String[] {"order-check", "customer-score", "payment-terms", "dunning"}) {
            JsonNode operation = paths.get("/api/v1/decisions/" + decision).get("post");
            JsonNode example = operation.get("requestBody").get("content").get("application/json").get("examples")
                    .get(operation.get("operationId").asString()).get("value");
            assertThat(example.get("customer").get("id").asString()).as(decision).isEqualTo("C-1000");
        }
        assertThat(paths.get("/api/v1/decisions/order-check").get("post").get("parameters").findValuesAsString("name"))
                .contains("Idempotency-Key", "X-Caller");
        assertThat(paths.has("/api/v1/decisions/{decisionId}")).isTrue();
        assertThat(paths.has("/api/v1/customers/{customerId}/decisions")).isTrue();
        assertThat(paths.has("/api/v1/noop")).isTrue();
    }

    @Test
    void the_noop_baseline_answers_tiny_json_and_records_nothing() {
        long records = auditRecords();

        TestApi.Response response = api().post("/api/v1/noop", orderCheck().body());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("{\"ok\":true}");
        assertThat(auditRecords()).isEqualTo(records);
    }
}
