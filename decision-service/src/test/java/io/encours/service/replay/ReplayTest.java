package io.encours.service.replay;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.policy.PolicyBundle;
import io.encours.service.FullStackTest;
import io.encours.service.JsonRequest;
import io.encours.service.TestApi;
import io.encours.service.policy.PolicyLifecycle;
import io.encours.service.policy.PolicyVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Decisions recorded under three policy versions, each activated through the lifecycle (upload, submit with
 * its scenarios, approval by another committee member, activation), then replayed one by one: every one
 * reproduces exactly. A what-if under another version shows where the versions differ, and a tampered input
 * shows in the replay field by field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayTest extends FullStackTest {
    private static final int PER_VERSION = 350;
    static final String V2_CLASS_A = "Risk class A (score {score}): very low risk, reviewed in version 2.";
    static final String V3_WITHIN_POLICY_FR = "La commande respecte la limite et la politique de crédit (version 3).";

    @Autowired
    PolicyLifecycle lifecycle;

    /** Decision id to the version number it was recorded under. */
    private final Map<String, Integer> recordedUnder = Collections.synchronizedMap(new HashMap<>());
    private int first;
    private int second;
    private int third;

    @BeforeAll
    void recordDecisionsUnderThreeVersions() throws Exception {
        first = lifecycle.activeNumber();
        PolicyBundle original = lifecycle.version(first).bundle();
        record(first, 1);
        second = activate(withReasonText(original, "2026.2-replay",
                "\"Risk class A (score {score}): very low risk.\"", "\"" + V2_CLASS_A + "\""));
        record(second, 2);
        third = activate(withReasonText(lifecycle.version(second).bundle(), "2026.3-replay",
                "\"La commande respecte la limite de crédit du client et la politique de crédit.\"",
                "\"" + V3_WITHIN_POLICY_FR + "\""));
        record(third, 3);
    }

    @AfterAll
    void backToTheFirstVersion() {
        for (int i = 0; i < 3 && lifecycle.activeNumber() != first; i++) {
            lifecycle.rollback("committee1", "replay test done");
        }
        assertThat(lifecycle.activeNumber()).isEqualTo(first);
    }

    private TestApi auditor() {
        return api().as("auditor", "secret-auditor");
    }

    @Test
    void every_decision_recorded_under_three_versions_replays_exactly() throws Exception {
        assertThat(recordedUnder).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(Map.of(first, 0, second, 0, third, 0)).hasSize(3);
        List<String> ids = new ArrayList<>(recordedUnder.keySet());
        ExecutorService auditors = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonNode>> replays = new ArrayList<>();
            for (String id : ids) {
                replays.add(auditors.submit(() -> {
                    TestApi.Response r = auditor().get("/api/v1/audit/decisions/" + id + "/replay");
                    assertThat(r.status()).as(r.text()).isEqualTo(200);
                    return r.json();
                }));
            }
            Map<Integer, Integer> replayedPerVersion = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                JsonNode replay = replays.get(i).get();
                int version = recordedUnder.get(ids.get(i));
                assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
                assertThat(replay.get("differences")).isEmpty();
                assertThat(replay.get("recordedPolicy").get("number").asInt()).isEqualTo(version);
                assertThat(replay.get("replayPolicy").get("number").asInt()).isEqualTo(version);
                assertThat(replay.get("replayPolicy").get("hash").asString())
                        .isEqualTo(lifecycle.version(version).contentHash());
                assertThat(replay.get("replayed").get("outcome")).isEqualTo(replay.get("recorded").get("outcome"));
                replayedPerVersion.merge(version, 1, Integer::sum);
            }
            assertThat(replayedPerVersion).containsOnlyKeys(first, second, third)
                    .allSatisfy((version, count) -> assertThat(count).isEqualTo(PER_VERSION));
        } finally {
            auditors.shutdownNow();
        }
    }

    @Test
    void what_if_shows_the_fields_where_the_versions_differ() {
        String classA = decisionRecordedUnder(first, "RISK_CLASS_A");

        JsonNode whatIf = auditor().get("/api/v1/audit/decisions/" + classA + "/what-if?version=" + second).json();

        assertThat(whatIf.get("identical").asBoolean()).isFalse();
        assertThat(whatIf.get("recordedPolicy").get("number").asInt()).isEqualTo(first);
        assertThat(whatIf.get("replayPolicy").get("number").asInt()).isEqualTo(second);
        assertThat(whatIf.get("replayPolicy").get("label").asString()).isEqualTo("2026.2-replay");
        JsonNode reasons = whatIf.get("recorded").get("reasons");
        int index = indexOf(reasons, "RISK_CLASS_A");
        String score = whatIf.get("recorded").get("score").asString();
        assertThat(whatIf.get("differences")).singleElement().satisfies(d -> {
            assertThat(d.get("field").asString()).isEqualTo("reasons[" + index + "].messageEn");
            assertThat(d.get("recorded").asString()).isEqualTo("Risk class A (score " + score + "): very low risk.");
            assertThat(d.get("replayed").asString()).isEqualTo(V2_CLASS_A.replace("{score}", score));
        });
        assertThat(whatIf.get("replayed").get("outcome")).isEqualTo(whatIf.get("recorded").get("outcome"));
    }

    @Test
    void what_if_under_the_same_sources_is_identical() {
        String underThird = decisionRecordedUnder(third, "ORDER_WITHIN_POLICY");

        JsonNode sameVersion = auditor().get("/api/v1/audit/decisions/" + underThird + "/what-if?version=" + third)
                .json();
        JsonNode earlier = auditor().get("/api/v1/audit/decisions/" + underThird + "/what-if?version=" + second)
                .json();

        assertThat(sameVersion.get("identical").asBoolean()).isTrue();
        assertThat(earlier.get("differences").findValuesAsString("field"))
                .containsExactly("reasons[" + indexOf(earlier.get("recorded").get("reasons"), "ORDER_WITHIN_POLICY")
                        + "].messageFr");
    }

    @Test
    void a_tampered_input_shows_in_the_replay_field_by_field() {
        TestApi.Response decided = api().post(orderCheck().path(), orderCheck().body());
        String id = decided.json().get("decisionId").asString();
        Document stored = auditRecord(id);
        String input = stored.getString("input");
        assertThat(input).contains("\"amount\":20000.00");
        mongo.getCollection("decisions").updateOne(new Document("_id", id),
                new Document("$set", new Document("input", input.replace("\"amount\":20000.00", "\"amount\":45000.00"))));
        try {
            JsonNode replay = auditor().get("/api/v1/audit/decisions/" + id + "/replay").json();

            assertThat(replay.get("identical").asBoolean()).isFalse();
            Map<String, JsonNode[]> differences = new HashMap<>();
            replay.get("differences").forEach(d -> differences.put(d.get("field").asString(),
                    new JsonNode[] {d.get("recorded"), d.get("replayed")}));
            assertThat(differences).containsKeys("exposureAfterOrder", "availableCredit");
            assertThat(differences.get("exposureAfterOrder")[0].decimalValue()).isEqualByComparingTo("60000");
            assertThat(differences.get("exposureAfterOrder")[1].decimalValue()).isEqualByComparingTo("85000");
            assertThat(differences.get("availableCredit")[1].decimalValue()).isEqualByComparingTo("15000");
        } finally {
            mongo.getCollection("decisions").updateOne(new Document("_id", id),
                    new Document("$set", new Document("input", input)));
        }
        assertThat(auditor().get("/api/v1/audit/decisions/" + id + "/replay").json().get("identical").asBoolean())
                .isTrue();
    }

    @Test
    void replay_writes_nothing_to_the_audit_trail() {
        String id = recordedUnder.keySet().iterator().next();
        long before = auditRecords();

        auditor().get("/api/v1/audit/decisions/" + id + "/replay");
        auditor().get("/api/v1/audit/decisions/" + id + "/what-if?version=" + first);

        assertThat(auditRecords()).isEqualTo(before);
    }

    @Test
    void unknown_decisions_and_versions_are_problems_and_only_auditors_replay() {
        String id = recordedUnder.keySet().iterator().next();

        TestApi.Response unknown = auditor().get("/api/v1/audit/decisions/no-such-decision/replay");
        TestApi.Response noVersion = auditor().get("/api/v1/audit/decisions/" + id + "/what-if?version=999");
        TestApi.Response analyst = api().as("analyst", "secret-analyst").get("/api/v1/audit/decisions/" + id + "/replay");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("/problems/decision-not-found");
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.json().get("type").asString()).isEqualTo("/problems/policy-not-found");
        assertThat(analyst.status()).isEqualTo(403);
    }

    @Test
    void a_decision_whose_policy_sources_are_not_stored_cannot_be_replayed() {
        String id = recordedUnder.keySet().iterator().next();
        Document stored = auditRecord(id);
        Document policy = stored.get("policy", Document.class);
        mongo.getCollection("decisions").updateOne(new Document("_id", id),
                new Document("$set", new Document("policy.contentHash", "0123abcd")));
        try {
            TestApi.Response replay = auditor().get("/api/v1/audit/decisions/" + id + "/replay");
            JsonNode whatIf = auditor().get("/api/v1/audit/decisions/" + id + "/what-if?version=" + first).json();

            assertThat(replay.status()).isEqualTo(409);
            assertThat(replay.contentType()).startsWith("application/problem+json");
            assertThat(replay.json().get("type").asString()).isEqualTo("/problems/recorded-policy-not-stored");
            assertThat(replay.json().get("policyHash").asString()).isEqualTo("0123abcd");
            assertThat(whatIf.get("recordedPolicy").has("number")).isFalse();
            assertThat(whatIf.get("recordedPolicy").get("hash").asString()).isEqualTo("0123abcd");
        } finally {
            mongo.getCollection("decisions").updateOne(new Document("_id", id),
                    new Document("$set", new Document("policy", policy)));
        }
    }

    // ---- fixtures

    private void record(int version, long seed) throws Exception {
        assertThat(lifecycle.activeNumber()).isEqualTo(version);
        VariedRequests requests = new VariedRequests(seed);
        List<JsonRequest> bodies = new ArrayList<>();
        for (int i = 0; i < PER_VERSION; i++) {
            bodies.add(requests.next(i));
        }
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (JsonRequest body : bodies) {
                calls.add(callers.submit(() -> {
                    TestApi.Response r = api().post(body.path(), body.body());
                    assertThat(r.status()).as(body.body() + " → " + r.text()).isEqualTo(200);
                    recordedUnder.put(r.json().get("decisionId").asString(), version);
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private int activate(PolicyBundle bundle) {
        PolicyVersion draft = lifecycle.upload(bundle, "committee1", "replay test");
        lifecycle.submit(draft.number(), "committee1", null);
        lifecycle.approve(draft.number(), "committee2", null);
        lifecycle.activate(draft.number(), "committee1", null, null);
        return draft.number();
    }

    /** The bundle with one reason text replaced and a new version label. */
    static PolicyBundle withReasonText(PolicyBundle bundle, String label, String text, String newText) {
        String reasons = bundle.text("reason-codes.csv");
        assertThat(reasons).contains(text);
        String manifest = bundle.text(PolicyBundle.MANIFEST).replace("version=2026.1", "version=" + label)
                .replaceAll("version=2026\\.2-replay", "version=" + label);
        return bundle.with("reason-codes.csv", reasons.replace(text, newText)
                        .getBytes(StandardCharsets.UTF_8))
                .with(PolicyBundle.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
    }

    private String decisionRecordedUnder(int version, String reasonCode) {
        return recordedUnder.entrySet().stream().filter(e -> e.getValue() == version)
                .map(Map.Entry::getKey)
                .filter(id -> auditRecord(id).getList("reasonCodes", String.class).contains(reasonCode))
                .findFirst().orElseThrow();
    }

    private static int indexOf(JsonNode reasons, String code) {
        for (int i = 0; i < reasons.size(); i++) {
            if (reasons.get(i).get("code").asString().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code + " not in " + reasons);
    }
}
