package io.encours.service.decision;

import static io.encours.service.JsonRequest.customerScore;
import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The caller's Idempotency-Key: a retry gets the recorded decision, a different request with it a 409. */
class IdempotencyTest extends FullStackTest {

    private final String key = "order-" + UUID.randomUUID();

    @Test
    void a_retry_returns_the_recorded_decision_without_recording_another() {
        TestApi.Response first = api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key);
        long records = auditRecords();

        TestApi.Response retry = api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(auditRecords()).isEqualTo(records);
    }

    @Test
    void a_retry_is_recognised_whatever_its_spacing_and_key_order() {
        api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key);
        String reordered = "{\n  \"asOf\" : \"2026-06-15\",  \"order\": " + orderCheck().json().get("order")
                + ", \"exposure\": " + orderCheck().json().get("exposure")
                + ", \"customer\": " + orderCheck().json().get("customer") + "}";

        TestApi.Response retry = api().post(orderCheck().path(), reordered, "Idempotency-Key", key);

        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void a_retry_in_another_language_gets_the_recorded_decision_in_that_language() {
        TestApi.Response first = api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key);

        TestApi.Response retry = api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key,
                "Accept-Language", "fr");

        assertThat(retry.json().get("decisionId")).isEqualTo(first.json().get("decisionId"));
        assertThat(retry.json().get("reasons").get(0).get("message").asString()).startsWith("Classe de risque");
    }

    @Test
    void the_same_key_with_a_different_request_is_a_conflict() {
        TestApi.Response first = api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key);
        long records = auditRecords();

        TestApi.Response other = api().post(orderCheck().path(), orderCheck().with("order.amount", 20001).body(),
                "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("type").asString()).isEqualTo("/problems/idempotency-conflict");
        assertThat(other.json().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(other.json().get("recordedDecisionId")).isEqualTo(first.json().get("decisionId"));
        assertThat(auditRecords()).isEqualTo(records);
    }

    @Test
    void the_same_key_on_another_decision_is_a_conflict() {
        api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key);

        TestApi.Response score = api().post(customerScore().path(), customerScore().body(), "Idempotency-Key", key);

        assertThat(score.status()).isEqualTo(409);
    }

    @Test
    void another_callers_key_is_a_different_request_and_reveals_nothing() {
        TestApi webshop = api().withApiKey("test-webshop-key");
        TestApi.Response theirs = webshop.post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key);
        long records = auditRecords();

        TestApi.Response same = api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key);
        TestApi.Response different = api().post(orderCheck().path(), orderCheck().with("order.amount", 20001).body(),
                "Idempotency-Key", "other-" + key);
        TestApi.Response otherBody = webshop.post(orderCheck().path(), orderCheck().with("order.amount", 20001).body(),
                "Idempotency-Key", "other-" + key);

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("Idempotent-Replayed")).isNull();
        assertThat(same.json().get("decisionId")).isNotEqualTo(theirs.json().get("decisionId"));
        assertThat(different.status()).isEqualTo(200);
        // webshop's own key with another body than erp's is webshop's first use of it: no conflict, no erp id.
        assertThat(otherBody.status()).isEqualTo(200);
        assertThat(otherBody.text()).doesNotContain(different.json().get("decisionId").asString());
        assertThat(auditRecords()).isEqualTo(records + 3);
        // Each caller's retry still gets its own decision back.
        assertThat(webshop.post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key).json()
                .get("decisionId")).isEqualTo(theirs.json().get("decisionId"));
        assertThat(api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key).json()
                .get("decisionId")).isEqualTo(same.json().get("decisionId"));
    }

    @Test
    void concurrent_retries_make_one_decision() throws Exception {
        long records = auditRecords();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<TestApi.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key));
            }
            List<String> decisionIds = new ArrayList<>();
            for (Future<TestApi.Response> f : callers.invokeAll(calls)) {
                assertThat(f.get().status()).isEqualTo(200);
                decisionIds.add(f.get().json().get("decisionId").asString());
            }
            assertThat(decisionIds).containsOnly(decisionIds.get(0));
            assertThat(auditRecords()).isEqualTo(records + 1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void without_a_key_every_request_is_a_new_decision_with_its_own_request_id() {
        TestApi.Response first = api().post(orderCheck().path(), orderCheck().body());
        TestApi.Response second = api().post(orderCheck().path(), orderCheck().body());

        assertThat(first.json().get("decisionId")).isNotEqualTo(second.json().get("decisionId"));
        assertThat(first.json().get("requestId")).isEqualTo(first.json().get("decisionId"));
    }

    @Test
    void replays_and_conflicts_give_back_their_turn_to_compute() {
        api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key);
        int slots = Runtime.getRuntime().availableProcessors();

        for (int i = 0; i < slots + 2; i++) {
            assertThat(api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", key).status())
                    .isEqualTo(200);
            assertThat(api().post(customerScore().path(), customerScore().body(), "Idempotency-Key", key).status())
                    .isEqualTo(409);
        }

        // Decisions compute a few at a time; had a replay or a conflict kept its turn, this one would wait for ever.
        TestApi.Response fresh = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> api().post(orderCheck().path(),
                orderCheck().body(), "Idempotency-Key", "order-" + UUID.randomUUID()));
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.header("Idempotent-Replayed")).isNull();
    }
}
