package io.encours.service.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.TestApi;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Holds, hold actions, policy actions and administrators' actions are archived by month and pruned past their
 * retention (ten years by default), on a store of their own; an open hold, or an action of one, is never pruned.
 * The records are stored in the shapes the service writes, dated in 2015 and 2020.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "encours.storage.data-dir=target/test-data/record-retention-${random.uuid}",
        "encours.retention.archive-directory=${encours.storage.data-dir}/archives"})
class RecordRetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RetentionProperties retention;

    private TestApi admin() {
        return new TestApi(port).as("admin", "secret-admin");
    }

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    private String hold(String status, String openedAt, String settledAt) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("decisionId", UUID.randomUUID().toString())
                .append("orderId", "SO-" + id.substring(0, 8)).append("customerId", "C-RET")
                .append("amount", new Decimal128(new BigDecimal("40000.00"))).append("currency", "EUR")
                .append("outcome", "BLOCK").append("riskClass", "B").append("reasonCodes", List.of("ACCOUNT_BLOCKED"))
                .append("status", status).append("openedAt", at(openedAt))
                .append("settledBy", settledAt == null ? null : "manager")
                .append("settledAt", settledAt == null ? null : at(settledAt)), "credit_holds");
        return id;
    }

    private String action(String collection, String holdId, String at) {
        String id = UUID.randomUUID().toString();
        Document action = new Document("_id", id).append("at", at(at)).append("action", "RELEASE").append("by", "manager");
        if (holdId != null) {
            action.append("holdId", holdId);
        }
        mongo.insert(action, collection);
        return id;
    }

    private boolean stored(String collection, String id) {
        return mongo.findById(id, Document.class, collection) != null;
    }

    private JsonNode archive(String kind, String period) {
        TestApi.Response answer = admin().post("/api/v1/admin/record-archives/" + kind + "?period=" + period, "");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private TestApi.Response prune(String kind, String period) {
        return admin().post("/api/v1/admin/record-archives/" + kind + "/" + period + "/prune", "");
    }

    private byte[] download(String kind, String period) throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/audit/record-archives/" + kind + "/" + period))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "auditor:secret-auditor".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Archive-SHA256"))
                .hasValue(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(answer.body())));
        return answer.body();
    }

    private static List<String> lines(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void settled_holds_past_retention_are_archived_and_pruned_but_an_open_hold_is_kept() throws Exception {
        String released = hold("RELEASED", "2015-03-02T09:00:00Z", "2015-03-10T09:00:00Z");
        String rejected = hold("REJECTED", "2015-02-27T09:00:00Z", "2015-03-20T09:00:00Z");
        String reopened = hold("RELEASED", "2015-03-03T09:00:00Z", "2015-03-11T09:00:00Z");
        String open = hold("OPEN", "2015-03-05T09:00:00Z", null);
        String releasedAction = action("hold_actions", released, "2015-03-10T09:00:00Z");
        String openAction = action("hold_actions", open, "2015-03-06T09:00:00Z");

        // The holds settled in March 2015, with their amounts as stored; the open one has no month yet.
        JsonNode holds = archive("holds", "2015-03");
        assertThat(holds.get("records").asLong()).isEqualTo(3);
        List<String> lines = lines(download("holds", "2015-03"));
        assertThat(lines).hasSize(3).anyMatch(l -> l.contains(released) && l.contains("\"amount\":\"40000.00\""))
                .anyMatch(l -> l.contains(rejected)).noneMatch(l -> l.contains(open));
        assertThat(Files.readString(retention.archiveDirectory().resolve("holds-2015-03.manifest.json")))
                .contains(holds.get("sha256").asString());
        assertThat(archive("hold-actions", "2015-03").get("records").asLong()).isEqualTo(2);

        // A hold put back to OPEN after its archive is kept by the prune; so is the action of an open hold.
        mongo.getCollection("credit_holds").updateOne(new Document("_id", reopened),
                new Document("$set", new Document("status", "OPEN")));
        TestApi.Response pruned = prune("holds", "2015-03");
        assertThat(pruned.status()).as(pruned.text()).isEqualTo(200);
        assertThat(pruned.json().get("deleted").asLong()).isEqualTo(2);
        assertThat(stored("credit_holds", released)).isFalse();
        assertThat(stored("credit_holds", rejected)).isFalse();
        assertThat(stored("credit_holds", reopened)).isTrue();
        assertThat(stored("credit_holds", open)).isTrue();
        assertThat(prune("hold-actions", "2015-03").json().get("deleted").asLong()).isEqualTo(1);
        assertThat(stored("hold_actions", releasedAction)).isFalse();
        assertThat(stored("hold_actions", openAction)).isTrue();

        // The archives are listed beside the decisions'.
        JsonNode listed = new TestApi(port).as("auditor", "secret-auditor").get("/api/v1/audit/archives").json();
        assertThat(listed.get("recordArchives").toString()).contains("holds-2015-03.jsonl.gz",
                "hold-actions-2015-03.jsonl.gz");
    }

    @Test
    void actions_are_pruned_only_past_retention_from_an_archive_that_still_verifies() throws Exception {
        String old = action("admin_actions", null, "2015-05-04T10:00:00Z");
        String recent = action("policy_actions", null, "2020-01-15T10:00:00Z");

        // Not closed, archived twice, an unknown kind: refused.
        assertThat(admin().post("/api/v1/admin/record-archives/admin-actions?period=2099-01", "").json()
                .get("type").asString()).isEqualTo("/problems/period-not-closed");
        TestApi.Response unknown = admin().post("/api/v1/admin/record-archives/users?period=2015-05", "");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("kind");
        assertThat(archive("admin-actions", "2015-05").get("records").asLong()).isEqualTo(1);
        TestApi.Response twice = admin().post("/api/v1/admin/record-archives/admin-actions?period=2015-05", "");
        assertThat(twice.json().get("type").asString()).isEqualTo("/problems/period-archived");

        // January 2020 is within the ten years: archived, not pruned.
        assertThat(archive("policy-actions", "2020-01").get("records").asLong()).isEqualTo(1);
        TestApi.Response within = prune("policy-actions", "2020-01");
        assertThat(within.status()).isEqualTo(409);
        assertThat(within.json().get("type").asString()).isEqualTo("/problems/within-retention");
        assertThat(within.json().get("detail").asString()).contains("encours.retention.policy-actions=P10Y");
        assertThat(stored("policy_actions", recent)).isTrue();

        // An archive changed since it was written: nothing is deleted.
        Path file = retention.archiveDirectory().resolve("admin-actions-2015-05.jsonl.gz");
        byte[] original = Files.readAllBytes(file);
        Files.write(file, new byte[] {1}, StandardOpenOption.APPEND);
        TestApi.Response invalid = prune("admin-actions", "2015-05");
        assertThat(invalid.status()).isEqualTo(409);
        assertThat(invalid.json().get("type").asString()).isEqualTo("/problems/archive-invalid");
        assertThat(stored("admin_actions", old)).isTrue();

        // Restored, it verifies again and the action is deleted.
        Files.write(file, original);
        TestApi.Response pruned = prune("admin-actions", "2015-05");
        assertThat(pruned.status()).as(pruned.text()).isEqualTo(200);
        assertThat(pruned.json().get("deleted").asLong()).isEqualTo(1);
        assertThat(stored("admin_actions", old)).isFalse();
    }
}
