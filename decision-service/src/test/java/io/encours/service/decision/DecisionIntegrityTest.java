package io.encours.service.decision;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12: a decision read checks the record's own content hash and chain link, and a record changed in the
 * store after it was written is never served as if whole.
 */
class DecisionIntegrityTest extends FullStackTest {

    private final String customer = "C-INTEGRITY-" + UUID.randomUUID().toString().substring(0, 8);

    private String decide(String key) {
        TestApi.Response decided = api().post(orderCheck().path(), orderCheck().with("customer.id", customer).body(),
                "Idempotency-Key", key);
        assertThat(decided.status()).isEqualTo(200);
        return decided.json().get("decisionId").asString();
    }

    private void tamper(String decisionId) {
        mongo.getCollection("decisions").updateOne(Filters.eq("_id", decisionId), Updates.set("outcome", "BLOCK"));
    }

    @Test
    void a_whole_record_is_read_back_and_says_so() {
        String decisionId = decide("whole-" + UUID.randomUUID());

        TestApi.Response read = api().get("/api/v1/decisions/" + decisionId);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Record-Integrity")).isEqualTo("WHOLE");
    }

    @Test
    void an_altered_record_is_not_served_by_id() {
        String decisionId = decide("altered-" + UUID.randomUUID());
        tamper(decisionId);

        TestApi.Response read = api().get("/api/v1/decisions/" + decisionId);

        assertThat(read.status()).isEqualTo(500);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(read.json().get("type").asString()).isEqualTo("/problems/record-altered");
        assertThat(read.json().get("decisionId").asString()).isEqualTo(decisionId);
        assertThat(read.text()).doesNotContain("BLOCK");
    }

    @Test
    void an_idempotent_retry_of_an_altered_record_is_refused_not_replayed() {
        String key = "retry-" + UUID.randomUUID();
        String decisionId = decide(key);
        tamper(decisionId);

        TestApi.Response retry = api().post(orderCheck().path(), orderCheck().with("customer.id", customer).body(),
                "Idempotency-Key", key);

        assertThat(retry.status()).isEqualTo(500);
        assertThat(retry.json().get("type").asString()).isEqualTo("/problems/record-altered");
    }

    @Test
    void lists_mark_each_record_whole_or_altered() {
        String whole = decide("list-whole-" + UUID.randomUUID());
        String altered = decide("list-altered-" + UUID.randomUUID());
        tamper(altered);

        JsonNode search = api().as("auditor", "secret-auditor")
                .get("/api/v1/audit/decisions?customer=" + customer).json().get("items");
        JsonNode history = api().as("auditor", "secret-auditor")
                .get("/api/v1/customers/" + customer + "/decisions").json().get("decisions");

        assertThat(integrityOf(search, whole)).isEqualTo("WHOLE");
        assertThat(integrityOf(search, altered)).isEqualTo("ALTERED");
        assertThat(integrityOf(history, whole)).isEqualTo("WHOLE");
        assertThat(integrityOf(history, altered)).isEqualTo("ALTERED");
    }

    @Test
    void a_replay_evaluates_the_record_as_stored() {
        String decisionId = decide("replay-" + UUID.randomUUID());
        tamper(decisionId);

        TestApi.Response replay = api().as("auditor", "secret-auditor")
                .get("/api/v1/audit/decisions/" + decisionId + "/replay");

        assertThat(replay.status()).isEqualTo(200);
    }

    private static String integrityOf(JsonNode items, String decisionId) {
        for (JsonNode item : items) {
            if (item.get("decisionId").asString().equals(decisionId)) {
                return item.get("integrity").asString();
            }
        }
        throw new AssertionError(decisionId + " not listed in " + items);
    }
}
